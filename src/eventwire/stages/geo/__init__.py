"""The geo stage and its helpers.

``stage``     the stage: toponyms resolved to GeoNames entries (``resolve_places``)
``toponyms``  toponym candidates: NER mentions plus a gazetteer scan of proper-noun runs
"""
