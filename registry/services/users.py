"""Users: creation through the one service, and the admin flags that follow from the role."""

from __future__ import annotations

from django.db import transaction

from registry.models import Region, Role, User


def _role_flags(role: str) -> dict[str, bool]:
    # National admins manage users, targets and settings in the Django admin; nobody else enters it.
    return {"is_staff": role == Role.NATIONAL_ADMIN, "is_superuser": role == Role.NATIONAL_ADMIN}


def user_apply_role_flags(*, user: User) -> None:
    """Derive the admin flags from the role (the admin's user form calls this before saving)."""
    if user.role:
        for name, value in _role_flags(user.role).items():
            setattr(user, name, value)


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: Role,
    region: Region | None = None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    user = User(
        username=username,
        role=role,
        region=region,
        first_name=first_name,
        last_name=last_name,
        email=email,
    )
    user_apply_role_flags(user=user)
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
