using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace QualysGen.Simulator.Http;

/// <summary>JWTs signed with a key of this simulator (HS256), carrying <c>sub</c>, <c>iat</c>, <c>exp</c> and a generation that <see cref="QualysSimulator.RevokeTokens"/> bumps.</summary>
internal sealed class Jwt
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Issue(string user, DateTimeOffset now, TimeSpan lifetime, int generation)
    {
        var header = Encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8.ToArray());
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new JwtPayload
        {
            Sub = user,
            Iat = now.ToUnixTimeSeconds(),
            Exp = (now + lifetime).ToUnixTimeSeconds(),
            Gen = generation,
            Jti = Guid.NewGuid().ToString("N"),
        }, SimulatorJsonContext.Default.JwtPayload));
        return header + "." + payload + "." + Sign(header + "." + payload);
    }

    /// <summary>The user of a valid, unexpired token of the current generation, or null.</summary>
    public string? Validate(string token, DateTimeOffset now, int generation)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(parts[0] + "." + parts[1])), Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize(Decode(parts[1]), SimulatorJsonContext.Default.JwtPayload);
            return payload is not null && payload.Gen == generation && now.ToUnixTimeSeconds() < payload.Exp ? payload.Sub : null;
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return null;
        }
    }

    private string Sign(string data) => Encode(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(data)));

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Decode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
