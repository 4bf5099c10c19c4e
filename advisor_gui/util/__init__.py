"""Generic helpers with no knowledge of the product: frozen records, plain
(JSON) conversion of dataclasses, light field constraints, cached pydantic
adapters. The bottom layer: they import nothing of the app."""
