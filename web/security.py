"""Security headers on every response, and the CSRF token of state-changing forms.

App pages allow nothing but this origin (no inline script: JS lives in static files).
Network frames set their own, stricter policy, which is kept.
"""
from __future__ import annotations

import hmac
import re
import secrets
from typing import Any, Optional

from flask import Flask, request, session

APP_CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
           "form-action 'self'; frame-ancestors 'self'")
FRAME_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
             "img-src data:; frame-ancestors 'self'")


_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def bidi_closed(value: Any) -> Any:
    """Close the bidi embeddings, overrides and isolates a text opens (U+202E and kin), so a
    hostile name can reverse only itself, never the page text that follows it. Used as Jinja's
    ``finalize`` (every ``{{ }}``) and for network labels; Markup stays Markup."""
    if not isinstance(value, str) or not _BIDI.search(value):
        return value
    stack: list[str] = []
    for ch in _BIDI.findall(value):
        if ch == "\u202c":  # PDF closes the last embedding or override
            if stack and stack[-1] == "\u202c":
                stack.pop()
        elif ch == "\u2069":  # PDI closes the last isolate and what was opened inside it
            if "\u2069" in stack:
                del stack[len(stack) - 1 - stack[::-1].index("\u2069"):]
        else:
            stack.append("\u2069" if ch in "\u2066\u2067\u2068" else "\u202c")
    return value + "".join(reversed(stack)) if stack else value


def bidi_closed_deep(value: Any) -> Any:
    """``bidi_closed`` on every string in nested lists and dicts (data islands read by scripts)."""
    if isinstance(value, dict):
        return {k: bidi_closed_deep(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [bidi_closed_deep(v) for v in value]
    return bidi_closed(value)


def csrf_token() -> str:
    """The session's form token, minted on first use."""
    token = session.get("csrf")
    if not token:
        token = session["csrf"] = secrets.token_urlsafe(32)
    return token


def csrf_problem() -> Optional[str]:
    """Why a POST must be refused (another origin, missing or stale token), or None.

    Returned rather than raised, so the form can be shown again with the user's text kept.
    """
    # Our own no-referrer policy makes browsers send "Origin: null" even from this site, so a
    # null origin is left to the token; a named other origin or a cross-site fetch is refused.
    origin = request.headers.get("Origin")
    if (origin and origin != "null" and origin != request.host_url.rstrip("/")) \
            or request.headers.get("Sec-Fetch-Site") == "cross-site":
        return "This form was sent from another site and was refused."
    sent = request.form.get("csrf_token", "")
    expected = session.get("csrf", "")
    if not expected or not hmac.compare_digest(sent, expected):
        return ("The form's security token is missing or out of date (the session may have "
                "expired). Your text is kept below: send the form again.")
    return None


def init_app(app: Flask) -> None:
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.jinja_env.finalize = bidi_closed
    app.jinja_env.filters["bidi_closed"] = bidi_closed_deep

    @app.after_request
    def _headers(resp):
        resp.headers.setdefault("Content-Security-Policy", APP_CSP)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        resp.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return resp
