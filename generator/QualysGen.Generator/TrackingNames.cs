namespace QualysGen.Generator;

/// <summary>The tracking names of the pipeline's steps, so that tests can assert what ran and what was cached.</summary>
internal static class TrackingNames
{
    public const string Options = nameof(Options);
    public const string ReadDtd = nameof(ReadDtd);
    public const string XsdFiles = nameof(XsdFiles);
    public const string ReadXsd = nameof(ReadXsd);
    public const string XsdSchema = nameof(XsdSchema);
    public const string XsdBind = nameof(XsdBind);
    public const string AllParserSpecs = nameof(AllParserSpecs);
    public const string Schema = nameof(Schema);
    public const string ReadSpec = nameof(ReadSpec);
    public const string Overlays = nameof(Overlays);
    public const string SchemaFiles = nameof(SchemaFiles);
    public const string Bind = nameof(Bind);
    public const string ParserSpec = nameof(ParserSpec);
}
