using Konvooi.Features.Profiles;

namespace Konvooi.Web.Pages.Shared;

/// <summary>The safety panel partial: the latest profile's safety advice, and the follow-up form as posted (after a refusal).</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Items">The safety advice with the follow-ups that count.</param>
/// <param name="From"><c>profile</c> or <c>plan</c>: where a saved follow-up returns to.</param>
/// <param name="Posted">The posted form, to refill it after a refusal; null otherwise.</param>
public sealed record SafetyPanelModel(Guid PersonId, IReadOnlyList<Assessments.SafetyItem> Items, string From, RecordSafetyFollowUp.FollowUpInput? Posted);
