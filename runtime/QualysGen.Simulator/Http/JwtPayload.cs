using System.Text.Json.Serialization;

namespace QualysGen.Simulator.Http;

internal sealed class JwtPayload
{
    [JsonPropertyName("sub")]
    public string Sub { get; set; } = "";

    [JsonPropertyName("iat")]
    public long Iat { get; set; }

    [JsonPropertyName("exp")]
    public long Exp { get; set; }

    [JsonPropertyName("gen")]
    public int Gen { get; set; }

    [JsonPropertyName("jti")]
    public string Jti { get; set; } = "";
}

[JsonSerializable(typeof(JwtPayload))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext
{
}
