"""Editable forms, one FieldEditor per profile field family (see base.py for the contract)."""
