using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using R4 = Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Konvooi.Domain.Access;
using Konvooi.Features.Security;

namespace Konvooi.Features.Referrals;

/// <summary>
/// What the FHIR R4 export and import of signals share (docs/referral.md, "Interop (FHIR R4)"): the Firely JSON
/// settings, stable ids, and the rule that only a coordinator of the coalition's lead organisation exchanges signals.
/// </summary>
public static class FhirReferrals
{
    private static readonly JsonSerializerOptions JsonOptions = new JsonSerializerOptions().ForFhir(R4.ModelInfo.ModelInspector).Pretty();

    /// <summary>Firely's System.Text.Json settings for FHIR R4 (strict: every problem is reported with its path).</summary>
    public static JsonSerializerOptions Json => JsonOptions;

    /// <summary>The problem when the actor may not exchange signals of this coalition.</summary>
    public const string NotLeadCoordinator = "--user: only a coordinator of the coalition's lead organisation may export or import signals";

    /// <summary>Serialises a resource as indented FHIR JSON.</summary>
    public static string ToJson(R4.Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return JsonSerializer.Serialize(resource, resource.GetType(), JsonOptions);
    }

    /// <summary>
    /// The coalition of the actor when the actor is a coordinator of its lead organisation
    /// (<see cref="Permissions.CanExchangeSignalsAsFhir"/>), otherwise null.
    /// </summary>
    public static async Task<SignalScope.CoalitionFacts?> LeadCoalitionAsync(CurrentActor actor, SignalScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(scope);
        if (!actor.Has(Permissions.CanExchangeSignalsAsFhir))
        {
            return null;
        }

        var coalition = await scope.CoalitionAsync(cancellationToken).ConfigureAwait(false);
        return coalition is not null && coalition.LeadOrganisationId == actor.OrganisationId ? coalition : null;
    }

    /// <summary>A UUID (version 8, name-based on SHA-256) that is the same for the same text, every time.</summary>
    public static Guid StableGuid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
