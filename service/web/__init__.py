"""The public's pages: the request form, the confirmation and the status page (issue 7).

Server-rendered with Jinja2 and usable with no JavaScript at all; ``static/status.js`` only
adds polite live updates to the status page.
"""
