using Konvooi.Features.DailyContact;

namespace Konvooi.Web.Pages.DailyContact;

/// <summary>The slot cards and where their confirm forms post to.</summary>
public sealed record ContactSlotsView(IReadOnlyList<SlotViews.ContactSlot> Slots);
