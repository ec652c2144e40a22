from django.core.management.base import BaseCommand, CommandError

from accounts.models import Organisation
from certificates.credentials import keys
from certificates.services.credentials import credential_key_rotate


class Command(BaseCommand):
    help = (
        "Create the Ed25519 signing key of each organisation that has none, in "
        "CREDENTIAL_KEYS_DIR. With --rotate, give the named organisations a new key: the "
        "old private key is deleted, its public key stays published so old credentials "
        "still verify."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "codes", nargs="*", metavar="CODE", help="Organisation codes (default: all)."
        )
        parser.add_argument(
            "--rotate", action="store_true", help="Replace the current key with a new one."
        )

    def handle(self, *args, codes: list[str], rotate: bool, **options):
        organisations = Organisation.objects.order_by("code")
        if codes:
            organisations = organisations.filter(code__in=codes)
            missing = set(codes) - {organisation.code for organisation in organisations}
            if missing:
                raise CommandError(f"No organisation with code {', '.join(sorted(missing))}.")
        elif rotate:
            raise CommandError("Name the organisations whose keys to rotate.")
        for organisation in organisations:
            current = keys.current_key_id(organisation)
            if current is not None and not rotate:
                self.stdout.write(f"{organisation.code}: has key {current}")
                continue
            key_id = credential_key_rotate(organisation=organisation, by=None)
            self.stdout.write(f"{organisation.code}: new signing key {key_id}")
