namespace Volunteering.Domain.Volunteers;

/// <summary>The kind of identity document (证件类型) whose number a volunteer registers with.</summary>
public enum IdDocumentType
{
    /// <summary>Resident identity card (居民身份证): 18 characters, the last a check digit (0-9 or X); the number
    /// encodes the date of birth, which registration checks.</summary>
    ResidentIdCard = 1,

    /// <summary>Passport (护照).</summary>
    Passport = 2,

    /// <summary>Mainland travel permit for Hong Kong and Macao residents (港澳居民来往内地通行证).</summary>
    HongKongMacaoPermit = 3,

    /// <summary>Mainland travel permit for Taiwan residents (台湾居民来往大陆通行证).</summary>
    TaiwanPermit = 4,

    /// <summary>Any other document.</summary>
    Other = 9,
}
