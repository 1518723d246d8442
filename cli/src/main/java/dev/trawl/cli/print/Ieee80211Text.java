package dev.trawl.cli.print;

/**
 * The names tcpdump gives to IEEE 802.11 codes: management and control subtypes, reason and status codes,
 * authentication algorithms, and the HT data rate of each MCS index. Stateless.
 */
final class Ieee80211Text {
    private Ieee80211Text() {
    }

    /** Management subtypes 0 to 13 by number; null where tcpdump has no name. */
    private static final String[] MANAGEMENT = {
            "Assoc Request", "Assoc Response", "ReAssoc Request", "ReAssoc Response", "Probe Request",
            "Probe Response", null, null, "Beacon", "ATIM", "Disassociation", "Authentication", "DeAuthentication",
            "Action",
    };

    /** Control subtypes 7 to 15. */
    private static final String[] CONTROL = {
            "Control Wrapper", "BAR", "BA", "Power Save-Poll", "Request-To-Send", "Clear-To-Send", "Acknowledgment",
            "CF-End", "CF-End+CF-Ack",
    };

    private static final String[] AUTHENTICATION = {"Open System", "Shared Key", "EAP"};

    /** HT data rates in tenths of Mb/s, four per MCS index: 20 MHz long and short GI, 40 MHz long and short. */
    private static final short[] HT_RATES = {
            65, 72, 135, 150, 130, 144, 270, 300, 195, 217, 405, 450, 260, 289, 540, 600,
            390, 433, 810, 900, 520, 578, 1080, 1200, 585, 650, 1215, 1350, 650, 722, 1350, 1500,
            130, 144, 270, 300, 260, 289, 540, 600, 390, 433, 810, 900, 520, 578, 1080, 1200,
            780, 867, 1620, 1800, 1040, 1156, 2160, 2400, 1170, 1300, 2430, 2700, 1300, 1444, 2700, 3000,
            195, 217, 405, 450, 390, 433, 810, 900, 585, 650, 1215, 1350, 780, 867, 1620, 1800,
            1170, 1300, 2430, 2700, 1560, 1733, 3240, 3600, 1755, 1950, 3645, 4050, 1950, 2167, 4050, 4500,
            260, 289, 540, 600, 520, 578, 1080, 1200, 780, 867, 1620, 1800, 1040, 1156, 2160, 2400,
            1560, 1733, 3240, 3600, 2080, 2311, 4320, 4800, 2340, 2600, 4860, 5400, 2600, 2889, 5400, 6000,
            0, 0, 60, 67, 390, 433, 810, 900, 520, 578, 1080, 1200, 650, 722, 1350, 1500,
            585, 650, 1215, 1350, 780, 867, 1620, 1800, 975, 1083, 2025, 2250, 520, 578, 1080, 1200,
            650, 722, 1350, 1500, 650, 722, 1350, 1500, 780, 867, 1620, 1800, 910, 1011, 1890, 2100,
            910, 1011, 1890, 2100, 1040, 1156, 2160, 2400, 780, 867, 1620, 1800, 975, 1083, 2025, 2250,
            975, 1083, 2025, 2250, 1170, 1300, 2430, 2700, 1365, 1517, 2835, 3150, 1365, 1517, 2835, 3150,
            1560, 1733, 3240, 3600, 650, 722, 1350, 1500, 780, 867, 1620, 1800, 910, 1011, 1890, 2100,
            780, 867, 1620, 1800, 910, 1011, 1890, 2100, 1040, 1156, 2160, 2400, 1170, 1300, 2430, 2700,
            1040, 1156, 2160, 2400, 1170, 1300, 2430, 2700, 1300, 1444, 2700, 3000, 1300, 1444, 2700, 3000,
            1430, 1589, 2970, 3300, 975, 1083, 2025, 2250, 1170, 1300, 2430, 2700, 1365, 1517, 2835, 3150,
            1170, 1300, 2430, 2700, 1365, 1517, 2835, 3150, 1560, 1733, 3240, 3600, 1755, 1950, 3645, 4050,
            1560, 1733, 3240, 3600, 1755, 1950, 3645, 4050, 1950, 2167, 4050, 4500, 1950, 2167, 4050, 4500,
            2145, 2383, 4455, 4950,
    };

    private static final String[] REASONS = {
            "Reserved",
            "Unspecified reason",
            "Previous authentication no longer valid",
            "Deauthenticated because sending STA is leaving (or has left) IBSS or ESS",
            "Disassociated due to inactivity",
            "Disassociated because AP is unable to handle all currently  associated STAs",
            "Class 2 frame received from nonauthenticated STA",
            "Class 3 frame received from nonassociated STA",
            "Disassociated because sending STA is leaving (or has left) BSS",
            "STA requesting (re)association is not authenticated with responding STA",
            "Disassociated because the information in the Power Capability element is unacceptable",
            "Disassociated because the information in the Supported Channels element is unacceptable",
            "Disassociated due to BSS transition management",
            "Invalid element, i.e., an element defined in this standard for which the content does not meet"
                    + " the specifications in Clause 9",
            "Message integrity code (MIC) failure",
            "4-Way Handshake timeout",
            "Group key handshake timeout",
            "Information element in 4-Way Handshake different from (Re)AssociationRequest/Probe"
                    + " Response/Beacon frame",
            "Invalid group cipher",
            "Invalid pairwise cipher",
            "Invalid AKMP",
            "Unsupported RSNE version",
            "Invalid RSNE capabilities",
            "IEEE 802.1X authentication failed",
            "Cipher suite rejected because of the security policy",
            "TDLS direct-link teardown due to TDLS peer STA unreachable via the TDLS direct link",
            "TDLS direct-link teardown for unspecified reason",
            "Disassociated because session terminated by SSP request",
            "Disassociated because of lack of SSP roaming agreement",
            "Requested service rejected because of SSP cipher suite or AKM requirement",
            "Requested service not authorized in this location",
            "TS deleted because QoS AP lacks sufficient bandwidth for this QoS STA due to a change in BSS"
                    + " service characteristics or operational mode (e.g. an HT BSS change from 40 MHz channel to 20"
                    + " MHz channel)",
            "Disassociated for unspecified, QoS-related reason",
            "Disassociated because QoS AP lacks sufficient bandwidth for this QoS STA",
            "Disassociated because of excessive number of frames that need to be acknowledged, but are not"
                    + " acknowledged due to AP transmissions and/or poor channel conditions",
            "Disassociated because STA is transmitting outside the limits of its TXOPs",
            "Requested from peer STA as the STA is leaving the BSS (or resetting)",
            "Requested from peer STA as it does not want to use the mechanism",
            "Requested from peer STA as the STA received frames using the mechanism for which a set up is"
                    + " required",
            "Requested from peer STA due to time out",
            "Reserved",
            "Reserved",
            "Reserved",
            "Reserved",
            "Reserved",
            "Peer STA does not support the requested cipher suite",
            "In a DLS Teardown frame: The teardown was initiated by the DLS peer. In a Disassociation"
                    + " frame: Disassociated because authorized access limit reached",
            "In a DLS Teardown frame: The teardown was initiated by the AP. In a Disassociation frame:"
                    + " Disassociated due to external service requirements",
            "Invalid FT Action frame count",
            "Invalid pairwise master key identifier (PMKID)",
            "Invalid MDE",
            "Invalid FTE",
            "Mesh peering canceled for unknown reasons",
            "The mesh STA has reached the supported maximum number of peer mesh STAs",
            "The received information violates the Mesh Configuration policy configured in the mesh STA"
                    + " profile",
            "The mesh STA has received a Mesh Peering Close frame requesting to close the mesh peering",
            "The mesh STA has resent dot11MeshMaxRetries Mesh Peering Open frames, without receiving a Mesh"
                    + " Peering Confirm frame",
            "The confirmTimer for the mesh peering instance times out",
            "The mesh STA fails to unwrap the GTK or the values in the wrapped contents do not match",
            "The mesh STA receives inconsistent information about the mesh parameters between mesh peering"
                    + " Management frames",
            "The mesh STA fails the authenticated mesh peering exchange because due to failure in selecting"
                    + " either the pairwise ciphersuite or group ciphersuite",
            "The mesh STA does not have proxy information for this external destination",
            "The mesh STA does not have forwarding information for this destination",
            "The mesh STA determines that the link to the next hop of an active path in its forwarding"
                    + " information is no longer usable",
            "The Deauthentication frame was sent because the MAC address of the STA already exists in the"
                    + " mesh BSS",
            "The mesh STA performs channel switch to meet regulatory requirements",
            "The mesh STA performs channel switching with unspecified reason",
    };

    private static final String[] STATUSES = {
            "Successful",
            "Unspecified failure",
            "TDLS wakeup schedule rejected but alternative schedule provided",
            "TDLS wakeup schedule rejected",
            "Reserved",
            "Security disabled",
            "Unacceptable lifetime",
            "Not in same BSS",
            "Reserved",
            "Reserved",
            "Cannot Support all requested capabilities in the Capability Information field",
            "Reassociation denied due to inability to confirm that association exists",
            "Association denied due to reason outside the scope of this standard",
            "Responding STA does not support the specified authentication algorithm",
            "Received an Authentication frame with authentication transaction sequence number out of"
                    + " expected sequence",
            "Authentication rejected because of challenge failure",
            "Authentication rejected due to timeout waiting for next frame in sequence",
            "Association denied because AP is unable to handle additional associated STAs",
            "Association denied due to requesting STA not supporting all of the data rates in the"
                    + " BSSBasicRateSet parameter, the Basic HT-MCS Set field of the HT Operation parameter, or the"
                    + " Basic VHT-MCS and NSS Set field in the VHT Operation parameter",
            "Association denied due to requesting STA not supporting the short preamble option",
            "Reserved",
            "Reserved",
            "Association request rejected because Spectrum Management capability is required",
            "Association request rejected because the information in the Power Capability element is"
                    + " unacceptable",
            "Association request rejected because the information in the Supported Channels element is"
                    + " unacceptable",
            "Association denied due to requesting STA not supporting the Short Slot Time option",
            "Reserved",
            "Association denied because the requested STA does not support HT features",
            "R0KH unreachable",
            "Association denied because the requesting STA does not support the phased coexistence"
                    + " operation (PCO) transition time required by the AP",
            "Association request rejected temporarily; try again later",
            "Robust management frame policy violation",
            "Unspecified, QoS-related failure",
            "Association denied because QoS AP or PCP has insufficient bandwidth to handle another QoS STA",
            "Association denied due to excessive frame loss rates and/or poor conditions on current"
                    + " operating channel",
            "Association (with QoS BSS) denied because the requesting STA does not support the QoS facility",
            "Reserved",
            "The request has been declined",
            "The request has not been successful as one or more parameters have invalid values",
            "The allocation or TS has not been created because the request cannot be honored; however, a"
                    + " suggested TSPEC/DMG TSPEC is provided so that the initiating STA can attempt to set another"
                    + " allocation or TS with the suggested changes to the TSPEC/DMG TSPEC",
            "Invalid element, i.e., an element defined in this standard for which the content does not meet"
                    + " the specifications in Clause 9",
            "Invalid group cipher",
            "Invalid pairwise cipher",
            "Invalid AKMP",
            "Unsupported RSNE version",
            "Invalid RSNE capabilities",
            "Cipher suite rejected because of security policy",
            "The TS or allocation has not been created; however, the HC or PCP might be capable of creating"
                    + " a TS or allocation, in response to a request, after the time indicated in the TS Delay element",
            "Direct Link is not allowed in the BSS by policy",
            "The Destination STA is not present within this BSS",
            "The Destination STA is not a QoS STA",
            "Association denied because the listen interval is too large",
            "Invalid FT Action frame count",
            "Invalid pairwise master key identifier (PMKID)",
            "Invalid MDE",
            "Invalid FTE",
            "Requested TCLAS processing is not supported by the AP or PCP",
            "The AP or PCP has insufficient TCLAS processing resources to satisfy the request",
            "The TS has not been created because the request cannot be honored; however, the HC or PCP"
                    + " suggests that the STA transition to a different BSS to set up the TS",
            "GAS Advertisement Protocol not supported",
            "No outstanding GAS request",
            "GAS Response not received from the Advertisement Server",
            "STA timed out waiting for GAS Query Response",
            "LARGE GAS Response is larger than query response length limit",
            "Request refused because home network does not support request",
            "Advertisement Server in the network is not currently reachable",
            "Reserved",
            "Request refused due to permissions received via SSPN interface",
            "Request refused because the AP or PCP does not support unauthenticated access",
            "Reserved",
            "Reserved",
            "Reserved",
            "Invalid contents of RSNE",
            "U-APSD coexistence is not supported",
            "Requested U-APSD coexistence mode is not supported",
            "Requested Interval/Duration value cannot be supported with U-APSD coexistence",
            "Authentication is rejected because an Anti-Clogging Token is required",
            "Authentication is rejected because the offered finite cyclic group is not supported",
            "The TBTT adjustment request has not been successful because the STA could not find an"
                    + " alternative TBTT",
            "Transmission failure",
            "Requested TCLAS Not Supported",
            "TCLAS Resources Exhausted",
            "Rejected with Suggested BSS transition",
            "Reject with recommended schedule",
            "Reject because no wakeup schedule specified",
            "Success, the destination STA is in power save mode",
            "FST pending, in process of admitting FST session",
            "Performing FST now",
            "FST pending, gap(s) in block ack window",
            "Reject because of U-PID setting",
            "Reserved",
            "Reserved",
            "(Re)Association refused for some external reason",
            "(Re)Association refused because of memory limits at the AP",
            "(Re)Association refused because emergency services are not supported at the AP",
            "GAS query response not yet received",
            "Reject since the request is for transition to a frequency band subject to DSE procedures and"
                    + " FST Initiator is a dependent STA",
            "Requested TCLAS processing has been terminated by the AP",
            "The TS schedule conflicts with an existing schedule; an alternative schedule is provided",
            "The association has been denied; however, one or more Multi-band elements are included that"
                    + " can be used by the receiving STA to join the BSS",
            "The request failed due to a reservation conflict",
            "The request failed due to exceeded MAF limit",
            "The request failed due to exceeded MCCA track limit",
            "Association denied because the information in theSpectrum Management field is unacceptable",
            "Association denied because the requesting STA does not support VHT features",
            "Enablement denied",
            "Enablement denied due to restriction from an authorized GDB",
            "Authorization deenabled",
    };

    /** The management subtype's name, or tcpdump's {@code Unhandled Management subtype(e)}. */
    static String management(int subtype) {
        String name = subtype < MANAGEMENT.length ? MANAGEMENT[subtype] : null;
        return name != null ? name : "Unhandled Management subtype(" + Integer.toHexString(subtype) + ")";
    }

    /** The control subtype's name, or null for the subtypes below 7, which tcpdump does not know. */
    static String control(int subtype) {
        return subtype >= 7 ? CONTROL[subtype - 7] : null;
    }

    static String reason(int code) {
        return code < REASONS.length ? REASONS[code] : "Reserved";
    }

    static String status(int code) {
        return code < STATUSES.length ? STATUSES[code] : "n/a";
    }

    static String authentication(int algorithm) {
        return algorithm < AUTHENTICATION.length ? AUTHENTICATION[algorithm] : "Reserved";
    }

    /**
     * The HT data rate in tenths of Mb/s of MCS index {@code mcs} at 20 or 40 MHz with a long or short guard
     * interval, or 0 when the index is beyond the table or the rate is undefined (MCS 32 at 20 MHz).
     */
    static int htRate(int mcs, boolean forty, boolean shortGi) {
        int i = mcs * 4 + (forty ? 2 : 0) + (shortGi ? 1 : 0);
        return mcs >= 0 && i < HT_RATES.length ? HT_RATES[i] : 0;
    }
}
