"""The guide's shared, event-free code: loaders, parsers and renderers that the event hooks in
hooks/ call. Nothing here is listed in mkdocs.yml's `hooks:`; nothing here reacts to a MkDocs
event. hooks/README.md says what each module does."""
