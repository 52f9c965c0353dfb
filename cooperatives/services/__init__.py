"""Every write to the cooperatives app. Views, the API and tasks call these; nothing else saves domain models."""

from cooperatives.services.common import ConflictError
from cooperatives.services.cooperatives import (
    business_unit_remove,
    business_unit_set,
    cooperative_register,
    cooperative_update,
    proposed_name,
)
from cooperatives.services.documents import document_upload
from cooperatives.services.meetings import meeting_record
from cooperatives.services.members import (
    founding_member_add,
    founding_member_remove,
    founding_member_update,
    nik_view_record,
)
from cooperatives.services.officers import officer_assign, officer_remove
from cooperatives.services.stages import (
    cooperative_advance,
    cooperative_correct_stage,
    cooperative_deed_verified,
)

__all__ = [
    "ConflictError",
    "business_unit_remove",
    "business_unit_set",
    "cooperative_advance",
    "cooperative_correct_stage",
    "cooperative_deed_verified",
    "cooperative_register",
    "cooperative_update",
    "document_upload",
    "founding_member_add",
    "founding_member_remove",
    "founding_member_update",
    "meeting_record",
    "nik_view_record",
    "officer_assign",
    "officer_remove",
    "proposed_name",
]
