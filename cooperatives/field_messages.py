"""What an officer is told when a field of a cooperative form (or the same field in the API) is refused.

The framework's own texts ("Masukkan pilihan yang valid", "Isi bidang ini harus lebih atau sama dengan 0") say that
something is wrong, not what to do; these say what to do. `forms.py` and the API input serializers share them.
"""

from __future__ import annotations

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# --- choices --------------------------------------------------------------------------------------------------------
PICK_PATTERN = _("Choose one of the formation patterns from the list.")
PICK_GRADE = _("Choose the grade of the existing cooperative: A, B, C or D.")
PICK_REVITALISATION_METHOD = _("Choose how the cooperative is revitalised from the list: reactivation or merger.")
PICK_SAVINGS_PERIOD = _("Choose from the list how often the simpanan wajib is paid.")
PICK_GENDER = _("Choose male or female, or leave it empty to take it from the NIK.")
PICK_POSITION = _("Choose a position from the list.")
PICK_FOUNDER = _(
    "Choose one of this cooperative's founders from the list. If the list is out of date, reload the page."
)
PICK_DOCUMENT_KIND = _("Choose the kind of document from the list.")
PICK_UNIT_KIND = _("Choose a business unit from the list.")
PICK_UNIT_STATUS = _("Choose the status of the business unit from the list: planned or running.")
PICK_STAGE = _("Choose from the list the stage to go back to.")
PICK_VILLAGE = _("Choose a village or kelurahan of this regency from the list.")
UNKNOWN_MEETING_KIND = _("This kind of meeting is unknown. Reload the page and record the meeting again.")

# --- dates and numbers ----------------------------------------------------------------------------------------------
INVALID_DATE = _("This is not a date: choose it from the calendar, or write it like 15/07/2025.")
INVALID_DATE_API = _("This is not a date: write it as year-month-day, e.g. 2025-07-15.")
MEETING_DATE_REQUIRED = _("Write the date of the meeting.")
MEETING_PLACE_REQUIRED = _("Write where the meeting was held.")
ATTENDANCE_TOO_LOW = _("The attendance is at least 1 person.")
ATTENDANCE_NOT_A_NUMBER = _("Write the attendance as a number of people, e.g. 25.")
ATTENDANCE_REQUIRED = _("Write how many people attended.")
NEGATIVE_AMOUNT = _("An amount cannot be negative: write 0 or more, e.g. 1.500.000.")
AMOUNT_TOO_LARGE = _("This amount is too large: check the number of digits.")
INVALID_EMAIL = _("Write a complete email address, e.g. koperasi@example.id.")
FILE_REQUIRED = _("Choose the PDF file to upload.")


def pick(message) -> dict:
    """The messages of a choice field: an empty or unknown choice gets the same advice."""
    return {"required": message, "invalid_choice": message}


def pick_api(message, choices) -> dict:
    """The same for an API field, which names the codes it accepts (a client has no list to choose from)."""
    text = format_lazy(
        _("{message} Accepted values: {values}."), message=message, values=", ".join(v for v, _label in choices)
    )
    return {"required": text, "invalid_choice": text, "blank": text}
