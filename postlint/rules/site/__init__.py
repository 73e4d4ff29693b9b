"""Site rules: what no single post can tell, read from the whole site's model (``doc.site_model``)."""
