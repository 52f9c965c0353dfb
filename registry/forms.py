from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    """Django's login form with messages written for our users."""

    error_messages = {
        "invalid_login": _("The username or password is wrong. Check both and try again (letters are case-sensitive)."),
        "inactive": _("This account is inactive. Contact your national admin."),
    }
