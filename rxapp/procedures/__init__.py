"""Procedures as the portal presents them: the catalogue (what, who, where), the application flows (which
questions, in which groups), and the words for rule findings. Pure Python: no Reflex, no HTTP.

Words are English msgids behind `t` (a `rxapp.i18n.T`), built per locale when pages compile, or at run time
by states for text that carries data (a date, an amount).
"""
