namespace Volunteering.Domain.Activities;

/// <summary>In what capacity someone confirms that a volunteer gave a service.</summary>
public enum ConfirmerRole
{
    /// <summary>A witness: another participant, the activity leader or a community worker.</summary>
    Witness = 0,

    /// <summary>The person served (for example the elderly resident visited at home).</summary>
    Recipient = 1,
}
