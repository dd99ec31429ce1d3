"""The staff console (issue 8): accounts, sign-in, the dashboard, requests and their actions.

``accounts`` and ``sessions`` hold who may sign in; ``dashboard`` and ``charts`` compute what
the front page shows; ``actions`` changes requests (each change audited); ``routes`` is the
thin HTTP layer over them.
"""
