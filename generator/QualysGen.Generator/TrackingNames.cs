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

    /// <summary>The hint name stem of every input file, from the collected paths.</summary>
    public const string HintNames = nameof(HintNames);

    /// <summary>The schema files whose namespace another file generates too, from the collected (path, namespace) pairs.</summary>
    public const string SchemaCollisions = nameof(SchemaCollisions);

    /// <summary>Each parser spec as emitted: with its unique hint name, the files left out by a collision dropped.</summary>
    public const string SchemaOutput = nameof(SchemaOutput);
}
