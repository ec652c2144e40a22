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
    "accounts:settings": role_level(CW),
    # workspace
    "workspace:home": role_level(SIGNED_IN),
    "workspace:dashboard": role_level(STAFF),
    # My tasks: the caseworker's own (B's caseworker gets B's).
    "workspace:my_tasks": role_level(CW),
    "workspace:youth_detail": Spec(kwargs=pk("youth"), readers=STAFF),
    # The organisation's change history: a list, so B's caseworker gets B's (empty of A).
    "workspace:history": role_level(STAFF),
    "privacy:youth_export_json": Spec(kwargs=pk("youth"), readers=CW),
    "privacy:youth_export_pdf": Spec(kwargs=pk("youth"), readers=CW),
    # A prepared document (GDPR export, statistics report) is private to who asked for it.
    "documents:detail": Spec(kwargs=pk("document"), readers=CW),
    "documents:download": Spec(kwargs=pk("document"), readers=CW),
    "privacy:youth_access_log": Spec(kwargs=pk("youth"), readers=STAFF),
    "workspace:company_detail": Spec(kwargs=pk("company"), readers=STAFF),
    "workspace:placement_detail": Spec(kwargs=pk("placement"), readers=STAFF),
    # Part of the name: the page repeats the search, which must not count as a leak.
    "workspace:search": role_level(STAFF, query=lambda w: {"q": w.a.youth.first_name[:-1]}),
    "workspace:import": role_level(CW),
    # Without a file waiting in the session it saves nothing and says so.
    "workspace:import_confirm": role_level(NOBODY, writers=CW),
    # A confirmed import (saved in the background) is private to the caseworker who made it.
    "workspace:import_job": Spec(kwargs=pk("import_job"), readers=CW),
    "workspace:import_job_progress": Spec(kwargs=pk("import_job"), readers=CW),
    "workspace:import_job_continue": Spec(kwargs=pk("import_job"), writers=CW),
    "workspace:import_template": role_level(
        CW, kwargs=lambda w: {"kind": "unge", "file_format": "csv"}
    ),
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
    # a week's hours: the caseworker, or the placement's own mentor (POST only)
    "placements:hours_record": Spec(kwargs=pk("placement"), writers=CW | {"mentor"}),
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
    "goals:add": Spec(kwargs=pk("placement"), readers=CW),
    "goals:assess_placement": Spec(kwargs=pk("placement"), readers=CW),
    "goals:packages": role_level(STAFF),
    "goals:package_create": role_level(STAFF),
    "goals:package_apply": Spec(
        kwargs=lambda w: {"pk": w.a.placement.pk, "package_pk": w.a.package.pk}, writers=CW
    ),
    "goals:entry_withdraw": Spec(kwargs=pk("progress"), writers=NOBODY),
    "goals:news_seen": Spec(kwargs=pk("goal"), writers=STAFF),
    "goals:news_seen_all": role_level(NOBODY, writers=STAFF),
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
    "mentor:invite_mentor": Spec(kwargs=pk("mentor", "mentor_pk"), readers=CW),
    "mentor:invite_mentor_revoke": Spec(
        kwargs=lambda w: {"mentor_pk": w.a.mentor.pk, "link_pk": w.a.mentor_link.pk},
        writers=CW,
    ),
    # certificates
    "certificates:list": role_level(STAFF),
    "certificates:issue": Spec(kwargs=pk("youth", "youth_pk"), readers=CW),
    # transfers
    "transfers:list": role_level(STAFF),
    "transfers:start": Spec(kwargs=pk("youth", "youth_pk"), readers=CW),
    "transfers:detail": Spec(kwargs=pk("transfer"), readers=STAFF, writers=CW),
    "transfers:cancel": Spec(kwargs=pk("transfer"), writers=CW),
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
    # the young person's digital certificate (Open Badges)
    "me:credential_json": Spec(kwargs=pk("certificate"), readers=frozenset({"youth"})),
    "me:credential_png": Spec(kwargs=pk("certificate"), readers=frozenset({"youth"})),
    # public Open Badges documents: keys, issuer, status list; the credential holds no name
    "ob:issuer": public(kwargs=lambda w: {"code": w.a.organisation.code}),
    "ob:did": public(kwargs=lambda w: {"code": w.a.organisation.code}),
    "ob:jwks": public(kwargs=lambda w: {"code": w.a.organisation.code}),
    "ob:status_list": public(kwargs=lambda w: {"code": w.a.organisation.code, "number": 1}),
    "ob:credential": public(kwargs=lambda w: {"code": w.a.certificate.verification_code}),
    # statistics: the organisation's own figures, no names
    "reports:statistics": role_level(STAFF),
    # the page's sections, polled while they are counted for the first time
    "reports:sections": role_level(STAFF),
    "reports:csv": role_level(STAFF, kwargs=lambda w: {"table": "youth"}),
    "reports:pdf": role_level(STAFF),
    # the progress report for the rehabilitation team: never a mentor (404); the young
    # person downloads their own shared reports
    "progress:youth": Spec(kwargs=pk("youth", "youth_pk"), readers=STAFF),
    "progress:create": Spec(kwargs=pk("youth", "youth_pk"), readers=CW),
    "progress:mine": role_level(YOUTHS),
    "progress:detail": Spec(kwargs=pk("report_draft"), readers=STAFF, writers=CW),
    "progress:preview": Spec(kwargs=pk("report_draft"), readers=CW),
    "progress:share": Spec(kwargs=pk("report_draft"), writers=CW),
    "progress:pdf": Spec(kwargs=pk("report"), readers=STAFF | {"youth"}),
    # "Min kompetencemappe": the signed-in young person's own ZIP
    "progress:portfolio": role_level(YOUTHS),
    # public verification (prints the name on the certificate, nothing sensitive)
    "verify:lookup": public(),
    "verify:detail": public(
        kwargs=lambda w: {"code": w.a.certificate.verification_code}, shows_name=True
    ),
    # the issuer's logo for the verification page (rate-limited like the lookups)
    "verify:logo": public(kwargs=lambda w: {"code": w.a.certificate.verification_code}),
}


def spec_for(name: str) -> Spec:
    if name not in SPECS:
        raise LookupError(
            f"URL name {name!r} is not in tests/security/registry.py SPECS: say how to fill "
            "its kwargs and which roles may use it"
        )
    return SPECS[name]
