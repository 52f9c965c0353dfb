"""Turns the domain error into `{"detail": ...}` (400) so the API speaks the same messages as the pages."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from registry.errors import ApplicationError, ConflictError


def exception_handler(exc, context):
    if isinstance(exc, ConflictError):
        response = Response({"detail": exc.message}, status=status.HTTP_409_CONFLICT)
        return response
    if isinstance(exc, ApplicationError):
        detail = {exc.field: exc.messages} if exc.field else {"detail": exc.message}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages})
    return drf_exception_handler(exc, context)
