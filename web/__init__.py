"""The web app that journalists browse: ``web.app.create_app`` builds it."""
