"""One module per LSP feature: each turns the analysed vault into LSP answers."""
