from django.shortcuts import get_object_or_404

from accounts.models import User

from .models import PreparedDocument


def get_document_for_user(user: User, pk: int) -> PreparedDocument:
    """A prepared document is private to the person who asked for it: 404 for anyone else."""
    return get_object_or_404(PreparedDocument.objects.filter(owner=user), pk=pk)
