<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>KeyPhase</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::ui::AccountsPage</name>
    <message numerus="yes">
        <source>Disabled %1; %n session(s) ended.</source>
        <translation>
            <numerusform>Disabled %1; %n session ended.</numerusform>
            <numerusform>Disabled %1; %n sessions ended.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted account %1; %n session(s) ended.</source>
        <translation>
            <numerusform>Deleted account %1; %n session ended.</numerusform>
            <numerusform>Deleted account %1; %n sessions ended.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::ui::ClientDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::ui::ClientTableModel</name>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1 (+%n more)</numerusform>
            <numerusform>%1 (+%n more)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::ui::ClientsPage</name>
    <message numerus="yes">
        <source>Deleted client %1 and revoked its tokens (%n grant(s)).</source>
        <translation>
            <numerusform>Deleted client %1 and revoked its tokens (%n grant).</numerusform>
            <numerusform>Deleted client %1 and revoked its tokens (%n grants).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::ui::EventFilterBar</name>
    <message numerus="yes">
        <source>%n type(s)</source>
        <translation>
            <numerusform>%n type</numerusform>
            <numerusform>%n types</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::ui::EventsPage</name>
    <message numerus="yes">
        <source>Exported %n event(s)…</source>
        <translation>
            <numerusform>Exported %n event…</numerusform>
            <numerusform>Exported %n events…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>↑ %n new event(s)</source>
        <translation>
            <numerusform>↑ %n new event</numerusform>
            <numerusform>↑ %n new events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown, loading older ones…</source>
        <translation>
            <numerusform>%n event shown, loading older ones…</numerusform>
            <numerusform>%n events shown, loading older ones…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown; scroll down for older ones</source>
        <translation>
            <numerusform>%n event shown; scroll down for older ones</numerusform>
            <numerusform>%n events shown; scroll down for older ones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>Exported %n event to %1.</numerusform>
            <numerusform>Exported %n events to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::ui::KeysPage</name>
    <message numerus="yes">
        <source>Published %n new key(s): %1. They start signing at %2.</source>
        <translation>
            <numerusform>Published %n new key: %1. It starts signing at %2.</numerusform>
            <numerusform>Published %n new keys: %1. They start signing at %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SessionsPage</name>
    <message numerus="yes">
        <source>End all %n session(s) of %1.</source>
        <translation>
            <numerusform>End all %n session of %1.</numerusform>
            <numerusform>End all %n sessions of %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>End all %n session(s) of %1?</source>
        <translation>
            <numerusform>End all %n session of %1?</numerusform>
            <numerusform>End all %n sessions of %1?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>End %n session(s)</source>
        <translation>
            <numerusform>End %n session</numerusform>
            <numerusform>End %n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s) of %1.</source>
        <translation>
            <numerusform>Ended %n session of %1.</numerusform>
            <numerusform>Ended %n sessions of %1.</numerusform>
        </translation>
    </message>
</context>
</TS>
