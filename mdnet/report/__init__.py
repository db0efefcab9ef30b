"""The report: its data typed once (`data`), built from an analysed vault (`build`),
redacted for publishing (`public`), and rendered by the formats of `mdnet.formats.REPORT`
(`html`, `markdown`, and JSON in `data`)."""
