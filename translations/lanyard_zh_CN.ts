<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackchannelDeliveryLog</name>
    <message>
        <source>HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logout pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logout attempt %1 failed (%2); retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logout delivered at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logout failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended at %1 by an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended at %1: the user signed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended at %1: another account signed in on that browser.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logout attempt %1 of %2 failed (%3); retrying</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyActions</name>
    <message>
        <source>A rotation is in progress: %1 key %2 starts signing at %3 (in %4). Rotate again after that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rotation is in progress: %1 key %2 starts signing at the next maintenance run. Rotate again after that.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No algorithm has an active key to rotate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish a new key for %1 now. It starts signing in %2, once relying parties have refreshed their copy of the JWKS, and the current key then retires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a supported signing algorithm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish a first %1 key now. It starts signing in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish a new %1 key now. It starts signing in %2, and the current %1 key then retires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a key to retire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 is already retired; it stays published until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel this rotation: key %1 has not signed anything, so it leaves the JWKS at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop signing with key %1 now. It stays published until the tokens it signed have expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 is the only active RS256 key, and RS256 must always be able to sign (OpenID Connect requires it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 is the only active %2 key: clients whose ID tokens use %2 would get no tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its successor %1 takes over at %2 (in %3), and it retires then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its successor %1 takes over at the next maintenance run, and it retires then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate it instead: it retires once the new key signs.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyPhase</name>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Published, signs from %1 (in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published, starts signing at the next maintenance run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published, not signing: the newer %1 key %2 signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired, published until %1 (%2 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired, leaves the JWKS at the next maintenance run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing until %1 (in %2), then retires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing until the next maintenance run, then retires</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserAgentSummary</name>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A browser on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard</name>
    <message>
        <source>Lanyard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::AboutDialog</name>
    <message>
        <source>About Lanyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lanyard logo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lanyard %1&lt;/h3&gt;&lt;p&gt;Identity administration for the office, with an embedded OpenID Provider (OAuth 2.0 and OpenID Connect).&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later). It comes with no warranty.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;br&gt;%4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::AccountDialog</name>
    <message>
        <source>The e-mail address is &amp;verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The username cannot be changed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the user types to sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name, as applications show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staff, admins (separated by commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>G&amp;roups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: set it later with Set password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::AccountTableModel</name>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject (sub): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign in until enabled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Can sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign in until a password is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::AccountsPage</name>
    <message>
        <source>No accounts yet.
Add the people who will sign in to your applications through Lanyard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;isable…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The people who sign in through Lanyard, and what applications learn about them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username, name, e-mail or group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the accounts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the name, e-mail and groups of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set a new password for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1, end their sessions and revoke their tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let %1 sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1 from signing in and end their sessions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added account %1. Set a password so they can sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added account %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed in account %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved account %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable account %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their sessions end now, applications are told to sign them out, and they cannot sign in until enabled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not disabled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was not enabled: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Disabled %1; %n session(s) ended.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete account %1? Their sessions end and their tokens are revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This cannot be undone. To stop someone signing in for a while, disable the account instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1 was not deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted account %1; %n session(s) ended.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::ui::ClientDialog</name>
    <message>
        <source>Add client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Logout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown on the sign-in and consent pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The client ID cannot change: the application is configured with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A random suggestion; you may type your own (printable ASCII, no spaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential (runs on a server, keeps a secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public (browser or native app, no secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP Basic (client_secret_basic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Form parameter (client_secret_post)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (public client)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://app.example/callback (one per line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://app.example/ (one per line, optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;uthentication:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redirect URIs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Post-logout redirect URIs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authorization &amp;code (users sign in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client c&amp;redentials (service to service)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>openid profile email (separated by spaces)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Require &amp;PKCE (S256) on every authorization request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask users for &amp;consent before the first sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue &amp;opaque access tokens instead of JWTs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate refresh tokens on &amp;use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Access token lifetime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;ID token lifetime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh token lifetime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID token &amp;signature:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://app.example/backchannel-logout (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Include the session ID (&amp;sid) in logout tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a session ends (logout, an administrator, expiry), Lanyard tells the application at this URL so it can sign the user out too (OpenID Connect Back-Channel Logout).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back-channel logout URI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A public client must use PKCE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn off only for a legacy server-side application that cannot send a code challenge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client credentials need a confidential client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resource ser&amp;ver: may introspect the access tokens of every client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resource server must be a confidential client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For an API that checks access tokens at the introspection endpoint.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::ClientTableModel</name>
    <message>
        <source>Public</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>A public client (a browser or native app) has no secret and must use PKCE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A confidential client (a server) authenticates with its secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect URIs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::ClientsPage</name>
    <message>
        <source>No clients yet.
Add the applications that should sign users in through Lanyard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add client…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applications that sign users in with Lanyard, and how.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID, name, grant type or redirect URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the clients: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a client first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the settings of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 and revoke its tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A public client has no secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a new secret for %1; the old one stops working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added client %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing changed in client %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved client %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete client %1? Its tokens are revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The application can no longer sign anyone in. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client %1 was not deleted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted client %1 and revoked its tokens (%n grant(s)).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Rotate secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generate a new secret for %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current secret stops working at once: the application must be given the new one. Tokens already issued stay valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The secret of %1 was not rotated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotated the secret of %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::DiscoveryExport</name>
    <message>
        <source>Export discovery configuration to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files exist already:
%1

Replace them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discovery configuration exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The provider&apos;s database is not open yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The discovery configuration could not be exported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote the discovery document and the public keys (JWKS) as the server serves them:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::EventFilterBar</name>
    <message>
        <source>Cl&amp;ear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type, client, account, address or details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username or subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of exactly this account (username or subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events of exactly this client application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ypes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n type(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Every event type</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::EventTableModel</name>
    <message>
        <source>Success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (subject %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::EventsPage</name>
    <message>
        <source>No events yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cl&amp;ear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every sign-in, token, logout and administrative change, newest first, as it happens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As &amp;JSON Lines…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every event matching the filters, not only those shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the newest events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event to see everything it records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export events</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>↑ %n new event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The event log could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown, loading older ones…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown; scroll down for older ones</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No events match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events yet.
Sign-ins, tokens and changes appear here as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The events could not be exported to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::InlineMessage</name>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::KeyTableModel</name>
    <message>
        <source>Next: published in the JWKS so relying parties can fetch it; it signs nothing yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active: signs new ID and access tokens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired: signs nothing; published only while tokens it signed can still be presented.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts signing at %1 (%2), when the maintenance job promotes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published while it is next or active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaves the JWKS at %1 (%2), when every token it signed has expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activated / signs from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Published until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. Key %2 takes over then; this key stays published until the tokens it signed have expired.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::KeysPage</name>
    <message>
        <source>Export public JWKS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No signing keys yet. The server creates them when it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rotate now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;tire key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export public JWKS…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy key ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys sign ID and access tokens. Relying parties verify them with the public keys published in the JWKS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate one algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the key of one algorithm, or add an algorithm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the public keys (the JWKS) to a file, exactly as the server serves them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the signing keys: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation publishes a new key at once; it starts signing %1 later, once every relying party has refreshed its copy of the JWKS. The key it replaces then retires and stays published for %2, until the tokens it signed have expired.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys are not loaded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A key change is in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a %1 key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keys were not rotated: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Published %n new key(s): %1. They start signing at %2.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Published a new %1 key %2. It starts signing at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 key was not rotated: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel rotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the rotation to key %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire key %1 now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep signing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 was not retired: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 is retired. It stays published until %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1 is retired; it never signed and leaves the JWKS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported the public JWKS to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The JWKS was not exported to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::MainWindow</name>
    <message>
        <source>Pages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export discovery configuration…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Lanyard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the discovery document and the JWKS as the server serves them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped: the provider is not serving. Start it from the Server menu or the Overview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running at %1, issuer %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;erver</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::OverviewPage</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded OpenID Provider at a glance: where it serves, what it manages and who signs in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the issuer URL to the clipboard, for a relying party&apos;s configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start serving on the configured address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop serving; relying parties cannot sign users in until it starts again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop and start again with the stored settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Managed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins per minute, last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;all events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Events page: the whole log, with filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped. Relying parties cannot sign users in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the discovery document in the web browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the counts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the sign-ins of the last hour: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the latest events: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::PasswordDialog</name>
    <message>
        <source>Set password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password takes effect at once; %1 stays signed in where already signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::PasswordStrengthBar</name>
    <message>
        <source>Password strength</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use at least %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is one of the most used passwords: it is guessed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave the user&apos;s name and e-mail out of the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Avoid repeated characters and runs like abc or 123.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mix in capitals, digits or symbols, or make it longer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longer is stronger: a few unrelated words make a good passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::RecentEventsModel</name>
    <message>
        <source>%1 (failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SecretDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new secret of &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the secret to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy it now into the application&apos;s configuration. It will not be shown again: Lanyard keeps only a hash of it. If it is lost, rotate the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SessionDetailsPane</name>
    <message>
        <source>No application has received tokens in this session yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications in this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted account (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, unless used again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke grant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke the grant of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget what %1 granted %2 and revoke its tokens, offline ones included. The user stays signed in to Lanyard; %2 has to ask again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No back-channel logout: it is not told when the session ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logout pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-channel logout when the session ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SessionTableModel</name>
    <message>
        <source>Today %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted account (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account %1, subject %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1; signed in last at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last used %1; expires %2 unless used again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser sent no User-Agent header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application has received tokens in this session yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SessionsPage</name>
    <message>
        <source>Nobody is signed in.
Sessions appear here when someone signs in to an application through Lanyard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End &amp;all of this account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is signed in, since when, from where, and to which applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account, address, browser or application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the sessions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This session has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An operation on sessions is in progress.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign %1 out of this browser and revoke the tokens issued in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>End all %n session(s) of %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session was not ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended the session of %1. Token families revoked: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End all sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>End all %n session(s) of %1?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is signed out of every browser, and the tokens issued in these sessions are revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>End %n session(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The sessions were not ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s) of %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Revoked the grant of %1. Token families revoked: %2. It has to ask again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grant of %1 was not revoked: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SettingsPage</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restart server now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard &amp;changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How the provider is reached and how long what it issues stays valid. Empty fields use the default shown in grey.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exactly as relying parties are configured with it: no slash is added or removed. Empty: http(s)://address:port of the listener.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>127.0.0.1 serves this computer only; 0.0.0.0 or :: every network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A certificate and its private key (PEM files) make the server speak HTTPS. Leave both empty for plain HTTP on this computer or behind a reverse proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ertificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the TLS certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the TLS private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lifetimes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authori&amp;zation code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 600 seconds. Codes are single use; keep this short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 86400 seconds. Clients may set their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;D token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 second to 365 days. Clients may set their own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browser session:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>60 seconds to 365 days without activity before a browser must sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys and events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JWKS cache &amp;max-age:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 to 86400 seconds relying parties may cache the discovery document and keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotation dela&amp;y:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Same as the max-age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 to 604800 seconds a new key is published before it signs. Shorter than the max-age risks relying parties meeting a key they have not fetched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic r&amp;otation every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 to 3650 days; 0 turns automatic rotation off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep e&amp;vents for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 to 36500 days; older events are deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applies the next time Lanyard starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>seconds (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: correct the values marked below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language changes the next time Lanyard starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. The server uses the new settings after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid from %1 until %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private key belongs to this certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate expired on %1: browsers and relying parties will refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This certificate is not valid before %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server would refuse this key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give both the certificate and its key, or neither.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SignInChart</name>
    <message>
        <source>Sign-ins per minute in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign-ins in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 succeeded, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 succeeded and %2 failed sign-ins in the last hour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lanyard::ui::StatusDot</name>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
