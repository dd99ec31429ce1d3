"""Tagged PDF output: the source PDF itself, tagged from its Document model (PDF/UA-1).

:func:`.tagger.tag_pdf` writes it; :func:`.checks.check_tagged_pdf` judges it.
"""
