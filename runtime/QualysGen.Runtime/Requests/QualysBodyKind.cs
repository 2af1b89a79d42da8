namespace QualysGen.Requests;

/// <summary>How a request carries its parameters.</summary>
public enum QualysBodyKind
{
    /// <summary>In the query string only.</summary>
    Query,

    /// <summary>As an <c>application/x-www-form-urlencoded</c> body.</summary>
    Form,

    /// <summary>As an XML document (a QPS <c>ServiceRequest</c>, or an FO XML body).</summary>
    Xml,

    /// <summary>As a JSON document.</summary>
    Json,
}
