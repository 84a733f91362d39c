"""Data for ``urls``: query parameters that track a click or a campaign, never the content."""

from __future__ import annotations

# Parameter names, lowercased.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",  # Facebook click id
        "fb_action_ids",  # Facebook share action
        "fb_action_types",  # Facebook share action
        "fb_source",  # Facebook share source
        "fb_ref",  # Facebook share referrer
        "gclid",  # Google Ads click id
        "gclsrc",  # Google Ads click source
        "gbraid",  # Google Ads app click id
        "wbraid",  # Google Ads web click id
        "dclid",  # Google display click id
        "srsltid",  # Google Merchant result id
        "_ga",  # Google Analytics cross-domain linker
        "_gl",  # Google Analytics cross-domain linker (gtag)
        "msclkid",  # Microsoft Ads click id
        "yclid",  # Yandex click id
        "ttclid",  # TikTok click id
        "twclid",  # Twitter/X click id
        "li_fat_id",  # LinkedIn click id
        "epik",  # Pinterest click id
        "igshid",  # Instagram share id
        "mc_cid",  # Mailchimp campaign
        "mc_eid",  # Mailchimp recipient
        "_hsenc",  # HubSpot e-mail
        "_hsmi",  # HubSpot e-mail
        "mkt_tok",  # Marketo e-mail
        "vero_id",  # Vero e-mail
        "oly_anon_id",  # Omeda newsletter reader
        "oly_enc_id",  # Omeda newsletter reader
        "s_kwcid",  # Adobe Analytics keyword
        "ef_id",  # Adobe Advertising click id
        "wt_mc",  # Webtrends campaign
        "wt_zmc",  # Webtrends campaign
        "ocid",  # Microsoft/MSN campaign id
        "cmpid",  # campaign id, common CMS name
        "ns_campaign",  # comScore campaign
        "ns_mchannel",  # comScore channel
        "ns_source",  # comScore source
        "ns_linkname",  # comScore link name
        "ns_fee",  # comScore fee
        "ito",  # internal tracking origin
        "ref_src",  # Twitter/X embed referrer
        "ref_url",  # Twitter/X embed referrer
    }
)

# Parameter name prefixes of campaign families.
TRACKING_PREFIXES: tuple[str, ...] = (
    "utm_",  # Google Analytics campaign (utm_source, utm_medium, ...)
    "at_",  # AT Internet / Piano campaign
    "pk_",  # Piwik campaign
    "mtm_",  # Matomo campaign
)
