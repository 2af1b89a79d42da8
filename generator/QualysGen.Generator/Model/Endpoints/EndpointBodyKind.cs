namespace QualysGen.Generator.Model;

/// <summary>How a version carries its parameters (the spec's <c>body</c>).</summary>
internal enum EndpointBodyKind
{
    /// <summary><c>query</c>: every parameter in the query string.</summary>
    Query,

    /// <summary><c>form</c>: parameters in an <c>application/x-www-form-urlencoded</c> body; <c>action</c> and fixed parameters stay in the query.</summary>
    Form,

    /// <summary><c>xml</c>: an XML document the caller supplies (e.g. a report template); parameters in the query.</summary>
    Xml,

    /// <summary><c>json</c>: a JSON document the caller supplies; parameters in the query.</summary>
    Json,

    /// <summary><c>serviceRequest</c>: a QPS <c>ServiceRequest</c> built from typed filters and preferences; parameters in the query.</summary>
    ServiceRequest,
}
