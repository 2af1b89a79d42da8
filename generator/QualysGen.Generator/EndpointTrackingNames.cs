namespace QualysGen.Generator;

/// <summary>The tracking names of the endpoint pipeline's steps, so that tests can assert what ran and what was cached.</summary>
internal static class EndpointTrackingNames
{
    /// <summary>The projection of every bound schema to what endpoints need (file, namespace, roots), collected.</summary>
    public const string ResponseSchemas = nameof(ResponseSchemas);

    /// <summary>The endpoints half of each spec file, as read (with locations): its <c>EndpointDocument</c>.</summary>
    public const string EndpointDocument = nameof(EndpointDocument);

    /// <summary>Binding a spec file's endpoints with the response schemas and the options.</summary>
    public const string BindEndpoints = nameof(BindEndpoints);

    /// <summary>What the request and JSON emitters get (no locations).</summary>
    public const string EndpointSource = nameof(EndpointSource);

    /// <summary>What the request and JSON emitters get, with the hint name made unique among all inputs.</summary>
    public const string EndpointOutput = nameof(EndpointOutput);

    /// <summary>The families of all spec files, collected, to report one family declared by two files.</summary>
    public const string Families = nameof(Families);
}
