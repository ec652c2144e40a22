"""For every URL name: how to fill it from the world, and who may use it.

A URL name that is missing here fails the security tests by name: a new page must state
who may see it before it can ship.

Roles (see `World.users`): anonymous; `youth` and `mentor` are the young person and mentor
of organisation A's objects; `other_youth` and `other_mentor` are in organisation A but
not linked to those objects; `caseworker` and `manager` are staff of A; `stranger` is a
caseworker of organisation B. Every request aims at organisation A's objects.

`readers` must get a page on GET (status < 400); `writers` may POST (default: the
readers); everyone else must be refused: 403, 404 or 405, and anonymous users are sent to
the sign-in page. `role_level` pages are not about one object (lists, forms for new
records): the stranger then gets their own organisation's page, and the content check
proves it holds nothing of organisation A.
"""

from collections.abc import Callable
from dataclasses import dataclass

SIGNED_IN = frozenset(
    {
        "youth",
        "other_youth",
        "mentor",
        "other_mentor",
        "caseworker",
        "manager",
        "stranger",
        "kvalitet",
        "ocn",
    }
)
# `kvalitet` is A's internal quality assurer, a manager with that permission: wherever a
# manager may read, so may they (matrix.rules_role). `ocn` is the awarding body's external
# quality assurer: only the sampled youth of cohorts submitted to them.
ORG_A = SIGNED_IN - {"stranger", "ocn"}
OCN = frozenset({"ocn"})
STAFF = frozenset({"caseworker", "manager"})
CW = frozenset({"caseworker"})
MENTORS = frozenset({"mentor", "other_mentor"})
YOUTHS = frozenset({"youth", "other_youth"})
NOBODY: frozenset = frozenset()
EVERYONE = SIGNED_IN | {"anonymous"}


@dataclass(frozen=True)
class Spec:
    kwargs: Callable = lambda w: {}
    readers: frozenset = NOBODY
    writers: frozenset | None = None
    query: Callable = lambda w: {}
    public: bool = False
    # Public pages that print the youth's name by design (the verification page).
    shows_name: bool = False
    # Lists and forms for new records: not about one of organisation A's objects.
    role_level: bool = False

    @property
    def post_writers(self) -> frozenset:
        return self.readers if self.writers is None else self.writers


def role_level(readers: frozenset, writers: frozenset | None = None, **kwargs) -> Spec:
    """A page not about one of A's objects: B's caseworker uses their own version of it."""
    extra = {"stranger"} if readers & {"caseworker"} else set()
    writers_extra = {"stranger"} if writers and "caseworker" in writers else set()
    return Spec(
        readers=readers | extra,
        writers=None if writers is None else writers | writers_extra,
        role_level=True,
        **kwargs,
    )


def public(**kwargs) -> Spec:
    return Spec(readers=EVERYONE, public=True, **kwargs)


def pk(attr: str, key: str = "pk") -> Callable:
    """kwargs {key: world.a.<attr>.pk}"""
    return lambda w: {key: getattr(w.a, attr).pk}


SPECS: dict[str, Spec] = {
    # accounts
    "accounts:login": public(),
    "accounts:logout": public(),
    "accounts:link_signin": public(kwargs=lambda w: {"token": "x" * 43}),
    "accounts:organisation_logo": Spec(kwargs=pk("organisation"), readers=ORG_A),
    # The language switch in the footer: anyone, it only sets a cookie.
    "set_language": public(),
    # workspace
    "workspace:home": role_level(SIGNED_IN),
    "workspace:dashboard": role_level(STAFF),
    "workspace:youth_detail": Spec(kwargs=pk("youth"), readers=STAFF),
    "workspace:youth_export_json": Spec(kwargs=pk("youth"), readers=CW),
    "workspace:youth_export_pdf": Spec(kwargs=pk("youth"), readers=CW),
    # A prepared document (GDPR export, statistics report) is private to who asked for it.
    "documents:detail": Spec(kwargs=pk("document"), readers=CW),
    "documents:download": Spec(kwargs=pk("document"), readers=CW),
    "workspace:youth_access_log": Spec(kwargs=pk("youth"), readers=STAFF),
    "workspace:company_detail": Spec(kwargs=pk("company"), readers=STAFF),
    "workspace:placement_detail": Spec(kwargs=pk("placement"), readers=STAFF),
    # youth
    "youth:list": role_level(STAFF),
    "youth:create": role_level(CW),
    "youth:edit": Spec(kwargs=pk("youth"), readers=CW),
    "youth:end": Spec(kwargs=pk("youth"), readers=CW),
    "youth:reopen": Spec(kwargs=pk("youth"), writers=CW),
    "youth:signin_link": Spec(kwargs=pk("youth"), readers=CW),
    "youth:signin_link_revoke": Spec(
        kwargs=lambda w: {"pk": w.a.youth.pk, "link_pk": w.a.youth_link.pk}, writers=CW
    ),
    # companies and mentors
    "companies:list": role_level(STAFF),
    "companies:create": role_level(CW),
    "companies:edit": Spec(kwargs=pk("company"), readers=CW),
    "companies:deactivate": Spec(kwargs=pk("company"), writers=CW),
    "companies:activate": Spec(kwargs=pk("company"), writers=CW),
    "companies:mentor_create": Spec(kwargs=pk("company"), readers=CW),
    "companies:mentor_edit": Spec(kwargs=pk("mentor"), readers=CW),
    "companies:mentor_deactivate": Spec(kwargs=pk("mentor"), writers=CW),
    "companies:mentor_activate": Spec(kwargs=pk("mentor"), writers=CW),
    # placements
    "placements:create": Spec(
        readers=CW, query=lambda w: {"youth": w.a.youth.pk, "company": w.a.company.pk}
    ),
    "placements:edit": Spec(kwargs=pk("placement"), readers=CW),
    "placements:start": Spec(kwargs=pk("placement"), writers=CW),
    "placements:complete": Spec(kwargs=pk("placement"), writers=CW),
    "placements:interrupt": Spec(kwargs=pk("placement"), readers=CW),
    "placements:followup_create": Spec(kwargs=pk("placement"), readers=CW),
    # goals
    "goals:catalogue": role_level(STAFF),
    "goals:template_create": role_level(CW),
    "goals:template_edit": Spec(kwargs=pk("template"), readers=CW),
    "goals:template_retire": Spec(kwargs=pk("template"), writers=CW),
    "goals:template_reactivate": Spec(kwargs=pk("template"), writers=CW),
    "goals:create": Spec(readers=CW, query=lambda w: {"placement": w.a.placement.pk}),
    "goals:detail": Spec(kwargs=pk("goal"), readers=STAFF, writers=CW),
    "goals:edit": Spec(kwargs=pk("goal"), readers=CW),
    "goals:assess": Spec(kwargs=pk("goal"), readers=CW),
    # Only the author may withdraw an entry; A's entry is by the mentor, so the caseworker
    # is refused too (the mentor withdraws through mentor:withdraw).
    "goals:entry_withdraw": Spec(kwargs=pk("progress"), writers=NOBODY),
    # mentor pages
    "mentor:home": role_level(MENTORS),
    "mentor:placement": Spec(kwargs=pk("placement"), readers=frozenset({"mentor"})),
    "mentor:log": Spec(kwargs=pk("goal", "goal_pk"), writers=frozenset({"mentor"})),
    "mentor:withdraw": Spec(kwargs=pk("progress"), writers=frozenset({"mentor"})),
    "mentor:invite": Spec(kwargs=pk("placement", "placement_pk"), readers=CW),
    "mentor:invite_revoke": Spec(
        kwargs=lambda w: {"placement_pk": w.a.placement.pk, "link_pk": w.a.mentor_link.pk},
        writers=CW,
    ),
    # certificates
    "certificates:list": role_level(STAFF),
    "certificates:issue": Spec(kwargs=pk("youth", "youth_pk"), readers=CW),
    "certificates:detail": Spec(kwargs=pk("certificate"), readers=STAFF),
    "certificates:preview": Spec(kwargs=pk("draft"), readers=STAFF),
    "certificates:issue_draft": Spec(kwargs=pk("draft"), writers=CW),
    "certificates:discard": Spec(kwargs=pk("draft"), writers=CW),
    "certificates:download": Spec(kwargs=pk("certificate"), readers=STAFF),
    "certificates:revoke": Spec(kwargs=pk("certificate"), writers=CW),
    "certificates:reissue": Spec(kwargs=pk("certificate"), writers=CW),
    # cohorts and quality assurance
    "cohorts:list": role_level(STAFF, writers=CW),
    "cohorts:detail": Spec(kwargs=pk("cohort"), readers=STAFF),
    "cohorts:add_youth": Spec(kwargs=pk("cohort"), writers=CW),
    "cohorts:member": Spec(
        kwargs=lambda w: {"pk": w.a.cohort.pk, "member_pk": w.a.cohort_member.pk},
        readers=STAFF,
        writers=STAFF,
    ),
    "cohorts:submit": Spec(kwargs=pk("cohort"), writers=CW),
    "cohorts:resubmit": Spec(kwargs=pk("cohort"), writers=CW),
    "cohorts:widen": Spec(kwargs=pk("cohort"), writers=CW),
    "cohorts:issue": Spec(kwargs=pk("cohort"), writers=CW),
    "cohorts:progress": Spec(kwargs=pk("cohort"), readers=STAFF),
    "cohorts:pdf": Spec(kwargs=pk("cohort"), readers=STAFF),
    "cohorts:zip": Spec(kwargs=pk("cohort"), readers=STAFF),
    # the awarding body: the sampled youth's learning documentation (name, goals, evidence)
    "assurance:list": role_level(OCN),
    "assurance:detail": Spec(kwargs=pk("cohort"), readers=OCN, shows_name=True),
    "assurance:member": Spec(
        kwargs=lambda w: {"pk": w.a.cohort.pk, "member_pk": w.a.cohort_member.pk},
        readers=OCN,
        shows_name=True,
    ),
    # the young person's own pages
    "me:home": role_level(YOUTHS),
    "me:certificates": role_level(YOUTHS),
    "me:download": Spec(kwargs=pk("certificate"), readers=frozenset({"youth"})),
    # statistics: the organisation's own figures, no names
    "reports:statistics": role_level(STAFF),
    "reports:csv": role_level(STAFF, kwargs=lambda w: {"table": "youth"}),
    "reports:pdf": role_level(STAFF),
    # public verification (prints the name on the certificate, nothing sensitive)
    "verify:lookup": public(),
    "verify:detail": public(
        kwargs=lambda w: {"code": w.a.certificate.verification_code}, shows_name=True
    ),
}


def spec_for(name: str) -> Spec:
    if name not in SPECS:
        raise LookupError(
            f"URL name {name!r} is not in tests/security/registry.py SPECS: say how to fill "
            "its kwargs and which roles may use it"
        )
    return SPECS[name]
