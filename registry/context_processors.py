from registry import access
from registry import navigation as nav


def navigation(request):
    """The header links the apps registered for this user, and whether the user's area is the whole country."""
    user = getattr(request, "user", None)
    return {"nav_items": nav.header_links(user), "nav_whole_country": access.area_code(user) == ""}
