"""
Password reset with a rate limit (issue 25, N9): the admin's "forgotten password" form sent a mail for
every request, so anyone could flood an editor's inbox or the mail server.

Requests are counted in the cache for a window, per client address and per e-mail address typed (as the
form matches accounts: case-insensitively). Over either limit, the form says so in words that are the same
whether or not an account has that address, so the limit reveals nothing about who has an account. Each
account also gets at most the e-mail limit of mails per window whichever spelling of its address was
typed; mails over it are dropped silently, as a reset for an unknown address is.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from website.client_address import client_address

TOO_MANY = (
    "Too many password reset requests have been made from this connection or for this email address. "
    "Wait an hour and try again, or ask a site administrator to reset your password."
)


def _key(kind: str, value: str) -> str:
    # Hashed, so the cache never holds an e-mail address or an IP address in clear.
    return "password-reset:" + kind + ":" + hashlib.sha256(value.encode()).hexdigest()


def count_request(kind: str, value: str) -> int:
    """Count one request against `kind:value` in the current window, and return the count so far."""
    key = _key(kind, value)
    window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
    cache.add(key, 0, timeout=window)  # starts the window; does nothing if it is already running
    try:
        return cache.incr(key)
    except ValueError:  # the entry expired between add and incr: this request starts a new window
        cache.set(key, 1, timeout=window)
        return 1


def normalised_email(email: str) -> str:
    return email.strip().casefold()


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form, sending to each account at most PASSWORD_RESET_EMAIL_LIMIT mails a window."""

    def get_users(self, email):
        for user in super().get_users(email):
            if count_request("account", str(user.pk)) <= settings.PASSWORD_RESET_EMAIL_LIMIT:
                yield user


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset view, refusing with a clear message over the per-client or per-email limit."""

    def get_form_class(self):
        return ThrottledPasswordResetForm

    def form_valid(self, form):
        by_client = count_request("client", client_address(self.request))
        by_email = count_request("email", normalised_email(form.cleaned_data["email"]))
        if by_client > settings.PASSWORD_RESET_CLIENT_LIMIT or by_email > settings.PASSWORD_RESET_EMAIL_LIMIT:
            form.add_error(None, TOO_MANY)
            return self.form_invalid(form)
        return super().form_valid(form)
