"""Aggregate statistics for an organisation's managers, computed in the database."""

from .figures import (
    STILL_ACTIVE,
    CertificateFigures,
    FollowUpFigures,
    NetworkFigures,
    PlacementFigures,
    ProgressionFigures,
    QualityAssuranceFigures,
    YouthFigures,
    certificate_figures,
    follow_up_figures,
    network_figures,
    placement_figures,
    progression_figures,
    quality_assurance_figures,
    youth_figures,
)
from .period import Period

__all__ = [
    "STILL_ACTIVE",
    "CertificateFigures",
    "FollowUpFigures",
    "NetworkFigures",
    "Period",
    "PlacementFigures",
    "ProgressionFigures",
    "QualityAssuranceFigures",
    "YouthFigures",
    "certificate_figures",
    "follow_up_figures",
    "network_figures",
    "placement_figures",
    "progression_figures",
    "quality_assurance_figures",
    "youth_figures",
]
