using System.Text.Json.Serialization;

namespace Volunteering.Domain.Json.Tests;

/// <summary>Strict source-generated metadata for the test payloads, with the same options as the package's context.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(NoteV1))]
internal sealed partial class NoteJsonContext : JsonSerializerContext
{
}
