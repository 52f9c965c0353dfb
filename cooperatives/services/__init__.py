"""Every write to the cooperatives app. Views, the API, the import and tasks call these public names; nothing else
saves domain models."""

from cooperatives.data import CooperativeProfile, FounderData
from cooperatives.services.common import ConflictError
from cooperatives.services.cooperatives import (
    business_unit_remove,
    business_unit_set,
    cooperative_register,
    cooperative_update,
    proposed_name,
)
from cooperatives.services.documents import document_upload
from cooperatives.services.lifecycle import cooperative_deactivate, cooperative_reseat
from cooperatives.services.meetings import meeting_record
from cooperatives.services.members import (
    NikRefused,
    founding_member_add,
    founding_member_remove,
    founding_member_update,
    nik_view_record,
)
from cooperatives.services.officers import officer_assign, officer_remove
from cooperatives.services.progress import progress_changed
from cooperatives.services.stages import (
    cooperative_advance,
    cooperative_correct_stage,
    cooperative_deed_verified,
)

__all__ = [
    "ConflictError",
    "CooperativeProfile",
    "FounderData",
    "NikRefused",
    "business_unit_remove",
    "business_unit_set",
    "cooperative_advance",
    "cooperative_correct_stage",
    "cooperative_deactivate",
    "cooperative_deed_verified",
    "cooperative_register",
    "cooperative_reseat",
    "cooperative_update",
    "document_upload",
    "founding_member_add",
    "founding_member_remove",
    "founding_member_update",
    "meeting_record",
    "nik_view_record",
    "officer_assign",
    "officer_remove",
    "progress_changed",
    "proposed_name",
]
