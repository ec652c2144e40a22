"""django-axes with two limits: AXES_FAILURE_LIMIT failures for one username from one address,
and AXES_ADDRESS_FAILURE_LIMIT failures from one address across all usernames (password
spraying: a few guesses at many accounts). Axes compares one failure count with one limit,
so an address over its own limit counts as having reached the per-username limit."""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def _failures(attempts) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class LockoutHandler(AxesDatabaseHandler):
    """Expects AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], ["ip_address"]]."""

    def get_failures(self, request, credentials=None) -> int:
        by_username, by_address = map(_failures, self.get_user_attempts(request, credentials))
        if by_address >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(by_username, settings.AXES_FAILURE_LIMIT)
        return by_username

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful sign-in clears that username's failures only: one valid account must
        not wipe the address's count of guesses at the others."""
        by_username = self.filter_user_attempts(request, credentials)[0]
        count, _details = by_username.delete()
        return count
