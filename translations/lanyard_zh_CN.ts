<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BackchannelDeliveryLog</name>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>%1 (HTTP %2)</source>
        <translation>%1 (HTTP %2)</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未提供原因</translation>
    </message>
    <message>
        <source>Logout pending</source>
        <translation>注销通知待送达</translation>
    </message>
    <message>
        <source>Logout attempt %1 failed (%2); retrying</source>
        <translation>注销通知发送失败（第 %1 次：%2），正在重试</translation>
    </message>
    <message>
        <source>Logout delivered at %1</source>
        <translation>注销通知已于 %1 送达</translation>
    </message>
    <message>
        <source>Logout failed: %1</source>
        <translation>注销通知发送失败：%1</translation>
    </message>
    <message>
        <source>Ended at %1 by an administrator.</source>
        <translation>会话已于 %1 由管理员结束。</translation>
    </message>
    <message>
        <source>Ended at %1: the user signed out.</source>
        <translation>会话已于 %1 结束：用户已退出登录。</translation>
    </message>
    <message>
        <source>Expired at %1.</source>
        <translation>会话已于 %1 过期。</translation>
    </message>
    <message>
        <source>Ended at %1: another account signed in on that browser.</source>
        <translation>会话已于 %1 结束：该浏览器上登录了另一个账户。</translation>
    </message>
    <message>
        <source>Ended at %1.</source>
        <translation>会话已于 %1 结束。</translation>
    </message>
    <message>
        <source>Logout attempt %1 of %2 failed (%3); retrying</source>
        <translation>注销通知发送失败（第 %1/%2 次：%3），正在重试</translation>
    </message>
</context>
<context>
    <name>KeyActions</name>
    <message>
        <source>A rotation is in progress: %1 key %2 starts signing at %3 (in %4). Rotate again after that.</source>
        <translation>轮换正在进行：%1 密钥 %2 将于 %3（%4后）开始签名。请在此之后再次轮换。</translation>
    </message>
    <message>
        <source>A rotation is in progress: %1 key %2 starts signing at the next maintenance run. Rotate again after that.</source>
        <translation>轮换正在进行：%1 密钥 %2 将在下次维护任务运行时开始签名。请在此之后再次轮换。</translation>
    </message>
    <message>
        <source>No algorithm has an active key to rotate.</source>
        <translation>没有可供轮换的使用中密钥。</translation>
    </message>
    <message>
        <source>Publish a new key for %1 now. It starts signing in %2, once relying parties have refreshed their copy of the JWKS, and the current key then retires.</source>
        <translation>立即为 %1 发布新密钥。新密钥在 %2后开始签名（届时依赖方已刷新其缓存的 JWKS），当前密钥随之停用。</translation>
    </message>
    <message>
        <source>%1 is not a supported signing algorithm.</source>
        <translation>%1 不是受支持的签名算法。</translation>
    </message>
    <message>
        <source>Publish a first %1 key now. It starts signing in %2.</source>
        <translation>立即发布第一个 %1 密钥，它将在 %2后开始签名。</translation>
    </message>
    <message>
        <source>Publish a new %1 key now. It starts signing in %2, and the current %1 key then retires.</source>
        <translation>立即发布新的 %1 密钥。它将在 %2后开始签名，当前的 %1 密钥随之停用。</translation>
    </message>
    <message>
        <source>Select a key to retire.</source>
        <translation>请选择要停用的密钥。</translation>
    </message>
    <message>
        <source>Key %1 no longer exists.</source>
        <translation>密钥 %1 已不存在。</translation>
    </message>
    <message>
        <source>Key %1 is already retired; it stays published until %2.</source>
        <translation>密钥 %1 已停用，将继续发布至 %2。</translation>
    </message>
    <message>
        <source>Cancel this rotation: key %1 has not signed anything, so it leaves the JWKS at once.</source>
        <translation>取消此次轮换：密钥 %1 尚未签署任何内容，因此会立即从 JWKS 中移除。</translation>
    </message>
    <message>
        <source>Stop signing with key %1 now. It stays published until the tokens it signed have expired.</source>
        <translation>立即停止使用密钥 %1 签名。它会继续发布，直到由它签名的令牌全部过期。</translation>
    </message>
    <message>
        <source>Key %1 is the only active RS256 key, and RS256 must always be able to sign (OpenID Connect requires it).</source>
        <translation>密钥 %1 是唯一使用中的 RS256 密钥，而 RS256 必须始终可用于签名（OpenID Connect 的要求）。</translation>
    </message>
    <message>
        <source>Key %1 is the only active %2 key: clients whose ID tokens use %2 would get no tokens.</source>
        <translation>密钥 %1 是唯一使用中的 %2 密钥：ID 令牌使用 %2 的客户端将无法获得令牌。</translation>
    </message>
    <message>
        <source>Its successor %1 takes over at %2 (in %3), and it retires then.</source>
        <translation>其后继密钥 %1 将于 %2（%3后）接替，届时该密钥停用。</translation>
    </message>
    <message>
        <source>Its successor %1 takes over at the next maintenance run, and it retires then.</source>
        <translation>其后继密钥 %1 将在下次维护任务运行时接替，届时该密钥停用。</translation>
    </message>
    <message>
        <source>Rotate it instead: it retires once the new key signs.</source>
        <translation>请改为轮换：新密钥开始签名后，该密钥即停用。</translation>
    </message>
</context>
<context>
    <name>KeyPhase</name>
    <message>
        <source>Next</source>
        <translation>待启用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>不到 1 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>Published, signs from %1 (in %2)</source>
        <translation>已发布，将于 %1（%2后）开始签名</translation>
    </message>
    <message>
        <source>Published, starts signing at the next maintenance run</source>
        <translation>已发布，将在下次维护任务运行时开始签名</translation>
    </message>
    <message>
        <source>Published, not signing: the newer %1 key %2 signs</source>
        <translation>已发布，未用于签名：由较新的 %1 密钥 %2 签名</translation>
    </message>
    <message>
        <source>Signing since %1</source>
        <translation>自 %1 起签名</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>正在签名</translation>
    </message>
    <message>
        <source>Retired, published until %1 (%2 more)</source>
        <translation>已停用，发布至 %1（还剩 %2）</translation>
    </message>
    <message>
        <source>Retired, leaves the JWKS at the next maintenance run</source>
        <translation>已停用，将在下次维护任务运行时从 JWKS 中移除</translation>
    </message>
    <message>
        <source>Signing until %1 (in %2), then retires</source>
        <translation>签名至 %1（%2后），之后停用</translation>
    </message>
    <message>
        <source>Signing until the next maintenance run, then retires</source>
        <translation>签名至下次维护任务运行，之后停用</translation>
    </message>
</context>
<context>
    <name>UserAgentSummary</name>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>A browser on %1</source>
        <translation>%1 上的浏览器</translation>
    </message>
</context>
<context>
    <name>lanyard</name>
    <message>
        <source>Lanyard</source>
        <translation>Lanyard</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::AboutDialog</name>
    <message>
        <source>About Lanyard</source>
        <translation>关于 Lanyard</translation>
    </message>
    <message>
        <source>Lanyard logo</source>
        <translation>Lanyard 徽标</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Lanyard %1&lt;/h3&gt;&lt;p&gt;Identity administration for the office, with an embedded OpenID Provider (OAuth 2.0 and OpenID Connect).&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later). It comes with no warranty.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;br&gt;%4&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Lanyard %1&lt;/h3&gt;&lt;p&gt;面向办公室的身份管理工具，内置 OpenID 提供方（OAuth 2.0 与 OpenID Connect）。&lt;/p&gt;&lt;p&gt;本软件是自由软件，依据 GNU 通用公共许可证第 3 版或更高版本 (GPL-3.0-or-later) 发布，不提供任何担保。&lt;/p&gt;&lt;p&gt;使用 Qt %2 构建，运行于 Qt %3。&lt;br&gt;%4&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::AccountDialog</name>
    <message>
        <source>The e-mail address is &amp;verified</source>
        <translation>电子邮箱地址已验证(&amp;V)</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Edit account</source>
        <translation>编辑账户</translation>
    </message>
    <message>
        <source>The username cannot be changed here.</source>
        <translation>此处不能更改用户名。</translation>
    </message>
    <message>
        <source>What the user types to sign in</source>
        <translation>用户登录时输入的名称</translation>
    </message>
    <message>
        <source>Full name, as applications show it</source>
        <translation>应用中显示的全名</translation>
    </message>
    <message>
        <source>staff, admins (separated by commas)</source>
        <translation>员工，管理员（用逗号分隔）</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>名(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>姓(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>电子邮箱(&amp;E)：</translation>
    </message>
    <message>
        <source>G&amp;roups:</source>
        <translation>用户组(&amp;R)：</translation>
    </message>
    <message>
        <source>Optional: set it later with Set password</source>
        <translation>可选：之后可通过“设置密码”设置</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::AccountTableModel</name>
    <message>
        <source>Disabled</source>
        <translation>已禁用</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
    <message>
        <source>No password</source>
        <translation>未设置密码</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Subject (sub): %1</source>
        <translation>主体标识 (sub)：%1</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>已验证</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>未验证</translation>
    </message>
    <message>
        <source>Cannot sign in until enabled again.</source>
        <translation>重新启用前无法登录。</translation>
    </message>
    <message>
        <source>Can sign in.</source>
        <translation>可以登录。</translation>
    </message>
    <message>
        <source>Cannot sign in until a password is set.</source>
        <translation>设置密码前无法登录。</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>用户组</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::AccountsPage</name>
    <message>
        <source>No accounts yet.
Add the people who will sign in to your applications through Lanyard.</source>
        <translation>还没有账户。
请添加将通过 Lanyard 登录各个应用的人员。</translation>
    </message>
    <message>
        <source>Add account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>&amp;Add account…</source>
        <translation>添加账户(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>D&amp;isable…</source>
        <translation>禁用(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>The people who sign in through Lanyard, and what applications learn about them.</source>
        <translation>通过 Lanyard 登录的人员，以及应用可获知的有关他们的信息。</translation>
    </message>
    <message>
        <source>Username, name, e-mail or group</source>
        <translation>用户名、姓名、电子邮箱或用户组</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>Cannot list the accounts: %1</source>
        <translation>无法列出账户：%1</translation>
    </message>
    <message>
        <source>Select an account first.</source>
        <translation>请先选择一个账户。</translation>
    </message>
    <message>
        <source>Change the name, e-mail and groups of %1.</source>
        <translation>更改 %1 的姓名、电子邮箱和用户组。</translation>
    </message>
    <message>
        <source>Set a new password for %1.</source>
        <translation>为 %1 设置新密码。</translation>
    </message>
    <message>
        <source>Delete %1, end their sessions and revoke their tokens.</source>
        <translation>删除 %1，结束其会话并撤销其令牌。</translation>
    </message>
    <message>
        <source>E&amp;nable</source>
        <translation>启用(&amp;N)</translation>
    </message>
    <message>
        <source>Let %1 sign in again.</source>
        <translation>允许 %1 重新登录。</translation>
    </message>
    <message>
        <source>Stop %1 from signing in and end their sessions.</source>
        <translation>禁止 %1 登录，并结束其会话。</translation>
    </message>
    <message>
        <source>Added account %1. Set a password so they can sign in.</source>
        <translation>已添加账户 %1。请为其设置密码，以便登录。</translation>
    </message>
    <message>
        <source>Added account %1.</source>
        <translation>已添加账户 %1。</translation>
    </message>
    <message>
        <source>Nothing changed in account %1.</source>
        <translation>账户 %1 没有任何更改。</translation>
    </message>
    <message>
        <source>Saved account %1 (%2).</source>
        <translation>已保存账户 %1（已更改：%2）。</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>禁用账户</translation>
    </message>
    <message>
        <source>Disable account %1?</source>
        <translation>要禁用账户 %1 吗？</translation>
    </message>
    <message>
        <source>Their sessions end now, applications are told to sign them out, and they cannot sign in until enabled again.</source>
        <translation>其会话将立即结束，各应用会收到通知并将其退出登录；重新启用前，该用户无法登录。</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>禁用</translation>
    </message>
    <message>
        <source>%1 was not disabled: %2</source>
        <translation>未能禁用 %1：%2</translation>
    </message>
    <message>
        <source>%1 was not enabled: %2</source>
        <translation>未能启用 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Disabled %1; %n session(s) ended.</source>
        <translation>
            <numerusform>已禁用 %1，结束了 %n 个会话。</numerusform>
        </translation>
    </message>
    <message>
        <source>Enabled %1.</source>
        <translation>已启用 %1。</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Delete account %1? Their sessions end and their tokens are revoked.</source>
        <translation>要删除账户 %1 吗？其会话将结束，令牌将被撤销。</translation>
    </message>
    <message>
        <source>This cannot be undone. To stop someone signing in for a while, disable the account instead.</source>
        <translation>此操作不可恢复。如只需暂时禁止某人登录，请改为禁用该账户。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Account %1 was not deleted: %2</source>
        <translation>未能删除账户 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Deleted account %1; %n session(s) ended.</source>
        <translation>
            <numerusform>已删除账户 %1，结束了 %n 个会话。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>lanyard::ui::ClientDialog</name>
    <message>
        <source>Add client</source>
        <translation>添加客户端</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>编辑客户端</translation>
    </message>
    <message>
        <source>&amp;Application</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Sign-in</source>
        <translation>登录(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Tokens</source>
        <translation>令牌(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Logout</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Shown on the sign-in and consent pages</source>
        <translation>显示在登录页和授权同意页上</translation>
    </message>
    <message>
        <source>The client ID cannot change: the application is configured with it.</source>
        <translation>客户端 ID 不可更改：应用已在其配置中使用它。</translation>
    </message>
    <message>
        <source>A random suggestion; you may type your own (printable ASCII, no spaces).</source>
        <translation>随机生成的建议值；也可以自行输入（可打印 ASCII 字符，不含空格）。</translation>
    </message>
    <message>
        <source>Confidential (runs on a server, keeps a secret)</source>
        <translation>机密客户端（在服务器上运行，可保管密钥）</translation>
    </message>
    <message>
        <source>Public (browser or native app, no secret)</source>
        <translation>公开客户端（浏览器或原生应用，无密钥）</translation>
    </message>
    <message>
        <source>HTTP Basic (client_secret_basic)</source>
        <translation>HTTP Basic 认证 (client_secret_basic)</translation>
    </message>
    <message>
        <source>Form parameter (client_secret_post)</source>
        <translation>表单参数 (client_secret_post)</translation>
    </message>
    <message>
        <source>None (public client)</source>
        <translation>无（公开客户端）</translation>
    </message>
    <message>
        <source>https://app.example/callback (one per line)</source>
        <translation>https://app.example/callback（每行一个）</translation>
    </message>
    <message>
        <source>https://app.example/ (one per line, optional)</source>
        <translation>https://app.example/（每行一个，可选）</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>Client &amp;ID:</source>
        <translation>客户端 ID(&amp;I)：</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>A&amp;uthentication:</source>
        <translation>认证方式(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Redirect URIs:</source>
        <translation>重定向 URI(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Post-logout redirect URIs:</source>
        <translation>注销后重定向 URI(&amp;P)：</translation>
    </message>
    <message>
        <source>Authorization &amp;code (users sign in)</source>
        <translation>授权码（用户登录）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Refresh tokens</source>
        <translation>刷新令牌(&amp;R)</translation>
    </message>
    <message>
        <source>Client c&amp;redentials (service to service)</source>
        <translation>客户端凭据（服务间调用）(&amp;E)</translation>
    </message>
    <message>
        <source>Grant types</source>
        <translation>授权类型</translation>
    </message>
    <message>
        <source>openid profile email (separated by spaces)</source>
        <translation>openid profile email（以空格分隔）</translation>
    </message>
    <message>
        <source>Require &amp;PKCE (S256) on every authorization request</source>
        <translation>要求所有授权请求使用 &amp;PKCE (S256)</translation>
    </message>
    <message>
        <source>Ask users for &amp;consent before the first sign-in</source>
        <translation>首次登录前征求用户的授权同意(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Scopes:</source>
        <translation>范围(&amp;O)：</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <source>Issue &amp;opaque access tokens instead of JWTs</source>
        <translation>签发不透明访问令牌，而非 JWT(&amp;O)</translation>
    </message>
    <message>
        <source>Rotate refresh tokens on &amp;use</source>
        <translation>每次使用时轮换刷新令牌(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Access token lifetime:</source>
        <translation>访问令牌有效期(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;ID token lifetime:</source>
        <translation>ID 令牌有效期(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Refresh token lifetime:</source>
        <translation>刷新令牌有效期(&amp;R)：</translation>
    </message>
    <message>
        <source>ID token &amp;signature:</source>
        <translation>ID 令牌签名算法(&amp;G)：</translation>
    </message>
    <message>
        <source>https://app.example/backchannel-logout (optional)</source>
        <translation>https://app.example/backchannel-logout（可选）</translation>
    </message>
    <message>
        <source>Include the session ID (&amp;sid) in logout tokens</source>
        <translation>在注销令牌中包含会话 ID (s&amp;id)</translation>
    </message>
    <message>
        <source>When a session ends (logout, an administrator, expiry), Lanyard tells the application at this URL so it can sign the user out too (OpenID Connect Back-Channel Logout).</source>
        <translation>会话结束时（用户注销、被管理员结束或过期），Lanyard 会通过此 URL 通知应用，以便应用也将该用户退出登录（OpenID Connect 后端通道注销）。</translation>
    </message>
    <message>
        <source>&amp;Back-channel logout URI:</source>
        <translation>后端通道注销 URI(&amp;B)：</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>A public client must use PKCE.</source>
        <translation>公开客户端必须使用 PKCE。</translation>
    </message>
    <message>
        <source>Turn off only for a legacy server-side application that cannot send a code challenge.</source>
        <translation>仅当旧式服务端应用无法发送 code_challenge 时才关闭此项。</translation>
    </message>
    <message>
        <source>Client credentials need a confidential client.</source>
        <translation>客户端凭据授权需要机密客户端。</translation>
    </message>
    <message>
        <source>Resource ser&amp;ver: may introspect the access tokens of every client</source>
        <translation>资源服务器：可内省所有客户端的访问令牌(&amp;V)</translation>
    </message>
    <message>
        <source>A resource server must be a confidential client.</source>
        <translation>资源服务器必须是机密客户端。</translation>
    </message>
    <message>
        <source>For an API that checks access tokens at the introspection endpoint.</source>
        <translation>适用于通过内省端点校验访问令牌的 API。</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::ClientTableModel</name>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Confidential (%1)</source>
        <translation>机密 (%1)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message numerus="yes">
        <source>%1 (+%n more)</source>
        <translation>
            <numerusform>%1（另有 %n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>A public client (a browser or native app) has no secret and must use PKCE.</source>
        <translation>公开客户端（浏览器或原生应用）没有密钥，必须使用 PKCE。</translation>
    </message>
    <message>
        <source>A confidential client (a server) authenticates with its secret.</source>
        <translation>机密客户端（服务器）使用其密钥进行认证。</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Grant types</source>
        <translation>授权类型</translation>
    </message>
    <message>
        <source>Redirect URIs</source>
        <translation>重定向 URI</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::ClientsPage</name>
    <message>
        <source>No clients yet.
Add the applications that should sign users in through Lanyard.</source>
        <translation>还没有客户端。
请添加需要通过 Lanyard 让用户登录的应用。</translation>
    </message>
    <message>
        <source>Add client</source>
        <translation>添加客户端</translation>
    </message>
    <message>
        <source>&amp;Add client…</source>
        <translation>添加客户端(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Rotate secret…</source>
        <translation>轮换密钥(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>The applications that sign users in with Lanyard, and how.</source>
        <translation>通过 Lanyard 让用户登录的应用，以及它们的登录方式。</translation>
    </message>
    <message>
        <source>Client ID, name, grant type or redirect URI</source>
        <translation>客户端 ID、名称、授权类型或重定向 URI</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Cannot list the clients: %1</source>
        <translation>无法列出客户端：%1</translation>
    </message>
    <message>
        <source>Select a client first.</source>
        <translation>请先选择一个客户端。</translation>
    </message>
    <message>
        <source>Change the settings of %1.</source>
        <translation>更改 %1 的设置。</translation>
    </message>
    <message>
        <source>Delete %1 and revoke its tokens.</source>
        <translation>删除 %1 并撤销其令牌。</translation>
    </message>
    <message>
        <source>A public client has no secret.</source>
        <translation>公开客户端没有密钥。</translation>
    </message>
    <message>
        <source>Generate a new secret for %1; the old one stops working.</source>
        <translation>为 %1 生成新密钥，旧密钥随即失效。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Added client %1.</source>
        <translation>已添加客户端 %1。</translation>
    </message>
    <message>
        <source>Nothing changed in client %1.</source>
        <translation>客户端 %1 没有任何更改。</translation>
    </message>
    <message>
        <source>Saved client %1 (%2).</source>
        <translation>已保存客户端 %1（已更改：%2）。</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>删除客户端</translation>
    </message>
    <message>
        <source>Delete client %1? Its tokens are revoked.</source>
        <translation>要删除客户端 %1 吗？其令牌将被撤销。</translation>
    </message>
    <message>
        <source>The application can no longer sign anyone in. This cannot be undone.</source>
        <translation>该应用将无法再让任何人登录。此操作不可恢复。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Client %1 was not deleted: %2</source>
        <translation>未能删除客户端 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Deleted client %1 and revoked its tokens (%n grant(s)).</source>
        <translation>
            <numerusform>已删除客户端 %1 并撤销其令牌（%n 项授权）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rotate secret</source>
        <translation>轮换客户端密钥</translation>
    </message>
    <message>
        <source>Generate a new secret for %1?</source>
        <translation>要为 %1 生成新密钥吗？</translation>
    </message>
    <message>
        <source>The current secret stops working at once: the application must be given the new one. Tokens already issued stay valid.</source>
        <translation>当前密钥将立即失效，必须在应用中改用新密钥。已签发的令牌仍然有效。</translation>
    </message>
    <message>
        <source>The secret of %1 was not rotated: %2</source>
        <translation>未能轮换 %1 的密钥：%2</translation>
    </message>
    <message>
        <source>Rotated the secret of %1.</source>
        <translation>已轮换 %1 的密钥。</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::DiscoveryExport</name>
    <message>
        <source>Export discovery configuration to folder</source>
        <translation>将发现配置导出到文件夹</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>要替换文件吗？</translation>
    </message>
    <message>
        <source>These files exist already:
%1

Replace them?</source>
        <translation>以下文件已存在：
%1

要替换它们吗？</translation>
    </message>
    <message>
        <source>Discovery configuration exported</source>
        <translation>发现配置已导出</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>The provider&apos;s database is not open yet.</source>
        <translation>服务的数据库尚未打开。</translation>
    </message>
    <message>
        <source>The discovery configuration could not be exported: %1</source>
        <translation>无法导出发现配置：%1</translation>
    </message>
    <message>
        <source>Wrote the discovery document and the public keys (JWKS) as the server serves them:
%1</source>
        <translation>已按服务器提供的原样写出发现文档和公钥 (JWKS)：
%1</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::EventFilterBar</name>
    <message>
        <source>Cl&amp;ear filters</source>
        <translation>清除筛选条件(&amp;E)</translation>
    </message>
    <message>
        <source>Type, client, account, address or details</source>
        <translation>类型、客户端、账户、地址或详细信息</translation>
    </message>
    <message>
        <source>Search events</source>
        <translation>搜索事件</translation>
    </message>
    <message>
        <source>Event types</source>
        <translation>事件类型</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>任意结果</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>任意时间</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>最近 24 小时</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>自定义范围</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>时间范围</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>结束时间</translation>
    </message>
    <message>
        <source>Username or subject</source>
        <translation>用户名或主体标识</translation>
    </message>
    <message>
        <source>Events of exactly this account (username or subject)</source>
        <translation>仅显示此账户的事件（按用户名或主体标识精确匹配）</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>客户端 ID</translation>
    </message>
    <message>
        <source>Events of exactly this client application</source>
        <translation>仅显示此客户端应用的事件（按客户端 ID 精确匹配）</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>T&amp;ypes:</source>
        <translation>类型(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation>结果(&amp;R)：</translation>
    </message>
    <message>
        <source>T&amp;ime:</source>
        <translation>时间(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Account:</source>
        <translation>账户(&amp;A)：</translation>
    </message>
    <message>
        <source>C&amp;lient:</source>
        <translation>客户端(&amp;L)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message numerus="yes">
        <source>%n type(s)</source>
        <translation>
            <numerusform>%n 种类型</numerusform>
        </translation>
    </message>
    <message>
        <source>Every event type</source>
        <translation>全部事件类型</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::EventTableModel</name>
    <message>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>%1 (subject %2)</source>
        <translation>%1（主体标识 %2）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>来源地址</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>实例</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::EventsPage</name>
    <message>
        <source>No events yet.</source>
        <translation>还没有事件。</translation>
    </message>
    <message>
        <source>Cl&amp;ear filters</source>
        <translation>清除筛选条件(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>E&amp;xport</source>
        <translation>导出(&amp;X)</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Every sign-in, token, logout and administrative change, newest first, as it happens.</source>
        <translation>每一次登录、令牌签发、注销和管理变更都会实时记录在此，最新的排在最前。</translation>
    </message>
    <message>
        <source>As &amp;CSV…</source>
        <translation>&amp;CSV 格式…</translation>
    </message>
    <message>
        <source>As &amp;JSON Lines…</source>
        <translation>&amp;JSON Lines 格式…</translation>
    </message>
    <message>
        <source>Save every event matching the filters, not only those shown</source>
        <translation>保存所有符合筛选条件的事件，而不仅是当前显示的事件</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Show the newest events</source>
        <translation>显示最新事件</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>事件详情</translation>
    </message>
    <message>
        <source>Select an event to see everything it records.</source>
        <translation>选择一条事件以查看其记录的全部内容。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s)…</source>
        <translation>
            <numerusform>已导出 %n 条事件…</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON Lines files (*.jsonl)</source>
        <translation>JSON Lines 文件 (*.jsonl)</translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>导出事件</translation>
    </message>
    <message numerus="yes">
        <source>↑ %n new event(s)</source>
        <translation>
            <numerusform>↑ %n 条新事件</numerusform>
        </translation>
    </message>
    <message>
        <source>The event log could not be read: %1</source>
        <translation>无法读取事件日志：%1</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown, loading older ones…</source>
        <translation>
            <numerusform>已显示 %n 条事件，正在加载更早的事件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n 条事件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown; scroll down for older ones</source>
        <translation>
            <numerusform>已显示 %n 条事件；向下滚动可查看更早的事件</numerusform>
        </translation>
    </message>
    <message>
        <source>No events match these filters.</source>
        <translation>没有符合这些筛选条件的事件。</translation>
    </message>
    <message>
        <source>No events yet.
Sign-ins, tokens and changes appear here as they happen.</source>
        <translation>还没有事件。
登录、令牌签发和各项变更发生时会实时显示在这里。</translation>
    </message>
    <message>
        <source>Exporting events…</source>
        <translation>正在导出事件…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 条事件导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The events could not be exported to %1: %2</source>
        <translation>无法将事件导出到 %1：%2</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::InlineMessage</name>
    <message>
        <source>Information</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::KeyTableModel</name>
    <message>
        <source>Next: published in the JWKS so relying parties can fetch it; it signs nothing yet.</source>
        <translation>待启用：已在 JWKS 中发布，供依赖方获取；尚未用于签名。</translation>
    </message>
    <message>
        <source>Active: signs new ID and access tokens.</source>
        <translation>使用中：为新的 ID 令牌和访问令牌签名。</translation>
    </message>
    <message>
        <source>Retired: signs nothing; published only while tokens it signed can still be presented.</source>
        <translation>已停用：不再签名；仅在由它签名的令牌仍可能被出示期间继续发布。</translation>
    </message>
    <message>
        <source>Starts signing at %1 (%2), when the maintenance job promotes it.</source>
        <translation>将于 %1 (%2) 由维护任务启用并开始签名。</translation>
    </message>
    <message>
        <source>Published while it is next or active.</source>
        <translation>处于待启用或使用中状态时发布。</translation>
    </message>
    <message>
        <source>Leaves the JWKS at %1 (%2), when every token it signed has expired.</source>
        <translation>将于 %1 (%2) 从 JWKS 中移除，届时由它签名的令牌已全部过期。</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>密钥 ID</translation>
    </message>
    <message>
        <source>Algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Activated / signs from</source>
        <translation>启用/开始签名时间</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>停用时间</translation>
    </message>
    <message>
        <source>Published until</source>
        <translation>发布截止时间</translation>
    </message>
    <message>
        <source>%1. Key %2 takes over then; this key stays published until the tokens it signed have expired.</source>
        <translation>%1。届时由密钥 %2 接替；本密钥将继续发布，直到由它签名的令牌全部过期。</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::KeysPage</name>
    <message>
        <source>Export public JWKS</source>
        <translation>导出公钥 JWKS</translation>
    </message>
    <message>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No signing keys yet. The server creates them when it starts.</source>
        <translation>还没有签名密钥。服务器启动时会自动创建。</translation>
    </message>
    <message>
        <source>&amp;Rotate now</source>
        <translation>立即轮换(&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;tire key…</source>
        <translation>停用密钥(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Export public JWKS…</source>
        <translation>导出公钥 JWKS(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Copy key ID</source>
        <translation>复制密钥 ID(&amp;C)</translation>
    </message>
    <message>
        <source>Signing keys</source>
        <translation>签名密钥</translation>
    </message>
    <message>
        <source>Keys sign ID and access tokens. Relying parties verify them with the public keys published in the JWKS.</source>
        <translation>密钥用于为 ID 令牌和访问令牌签名。依赖方使用 JWKS 中发布的公钥验证这些令牌。</translation>
    </message>
    <message>
        <source>Rotate one algorithm</source>
        <translation>轮换单个算法的密钥</translation>
    </message>
    <message>
        <source>Rotate the key of one algorithm, or add an algorithm</source>
        <translation>轮换某一算法的密钥，或添加算法</translation>
    </message>
    <message>
        <source>Rotate %1</source>
        <translation>轮换 %1</translation>
    </message>
    <message>
        <source>Write the public keys (the JWKS) to a file, exactly as the server serves them</source>
        <translation>将公钥 (JWKS) 写入文件，内容与服务器提供的完全一致</translation>
    </message>
    <message>
        <source>Cannot list the signing keys: %1</source>
        <translation>无法列出签名密钥：%1</translation>
    </message>
    <message>
        <source>Rotation publishes a new key at once; it starts signing %1 later, once every relying party has refreshed its copy of the JWKS. The key it replaces then retires and stays published for %2, until the tokens it signed have expired.</source>
        <translation>轮换会立即发布新密钥；新密钥在 %1后开始签名，届时所有依赖方都已刷新其缓存的 JWKS。被替换的密钥随即停用，并继续发布 %2，直到由它签名的令牌全部过期。</translation>
    </message>
    <message>
        <source>The keys are not loaded yet.</source>
        <translation>密钥尚未加载。</translation>
    </message>
    <message>
        <source>A key change is in progress.</source>
        <translation>密钥变更正在进行中。</translation>
    </message>
    <message>
        <source>Add a %1 key</source>
        <translation>添加 %1 密钥</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>The keys were not rotated: %1</source>
        <translation>未能轮换密钥：%1</translation>
    </message>
    <message numerus="yes">
        <source>Published %n new key(s): %1. They start signing at %2.</source>
        <translation>
            <numerusform>已发布 %n 个新密钥：%1。它们将于 %2 开始签名。</numerusform>
        </translation>
    </message>
    <message>
        <source>Published a new %1 key %2. It starts signing at %3.</source>
        <translation>已发布新的 %1 密钥 %2，将于 %3 开始签名。</translation>
    </message>
    <message>
        <source>The %1 key was not rotated: %2</source>
        <translation>未能轮换 %1 密钥：%2</translation>
    </message>
    <message>
        <source>Cancel rotation</source>
        <translation>取消轮换</translation>
    </message>
    <message>
        <source>Retire key</source>
        <translation>停用密钥</translation>
    </message>
    <message>
        <source>Cancel the rotation to key %1?</source>
        <translation>要取消轮换到密钥 %1 吗？</translation>
    </message>
    <message>
        <source>Retire key %1 now?</source>
        <translation>要立即停用密钥 %1 吗？</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Keep signing</source>
        <translation>继续签名</translation>
    </message>
    <message>
        <source>Key %1 was not retired: %2</source>
        <translation>未能停用密钥 %1：%2</translation>
    </message>
    <message>
        <source>Key %1 is retired. It stays published until %2.</source>
        <translation>密钥 %1 已停用，将继续发布至 %2。</translation>
    </message>
    <message>
        <source>Key %1 is retired; it never signed and leaves the JWKS.</source>
        <translation>密钥 %1 已停用；它从未签名，已从 JWKS 中移除。</translation>
    </message>
    <message>
        <source>Exported the public JWKS to %1.</source>
        <translation>已将公钥 JWKS 导出到 %1。</translation>
    </message>
    <message>
        <source>The JWKS was not exported to %1: %2</source>
        <translation>未能将 JWKS 导出到 %1：%2</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::MainWindow</name>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Export discovery configuration…</source>
        <translation>导出发现配置(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Lanyard</source>
        <translation>关于 Lanyard(&amp;A)</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>运行于 %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Write the discovery document and the JWKS as the server serves them</source>
        <translation>按服务器提供的原样写出发现文档和 JWKS</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>重启(&amp;R)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>Stopped: the provider is not serving. Start it from the Server menu or the Overview.</source>
        <translation>已停止：服务未运行。请通过“服务器”菜单或“概览”页启动。</translation>
    </message>
    <message>
        <source>Running at %1, issuer %2</source>
        <translation>运行于 %1，签发者 %2</translation>
    </message>
    <message>
        <source>S&amp;erver</source>
        <translation>服务器(&amp;E)</translation>
    </message>
    <message>
        <source>Managing %1 — not serving (the service serves it)</source>
        <translation>正在管理 %1——本窗口不提供服务（由系统服务提供）</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::OverviewPage</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open in browser</source>
        <translation>在浏览器中打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>启动(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>重启(&amp;R)</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>The embedded OpenID Provider at a glance: where it serves, what it manages and who signs in.</source>
        <translation>内置 OpenID 提供方概况：服务地址、管理对象，以及谁在登录。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Issuer URL</source>
        <translation>签发者 URL</translation>
    </message>
    <message>
        <source>Not available yet</source>
        <translation>暂不可用</translation>
    </message>
    <message>
        <source>Copy the issuer URL to the clipboard, for a relying party&apos;s configuration</source>
        <translation>将签发者 URL 复制到剪贴板，用于配置依赖方</translation>
    </message>
    <message>
        <source>Start serving on the configured address</source>
        <translation>在配置的地址上开始提供服务</translation>
    </message>
    <message>
        <source>Stop serving; relying parties cannot sign users in until it starts again</source>
        <translation>停止提供服务；重新启动之前，依赖方无法让用户登录</translation>
    </message>
    <message>
        <source>Stop and start again with the stored settings</source>
        <translation>停止服务，并使用已保存的设置重新启动</translation>
    </message>
    <message>
        <source>&amp;Issuer:</source>
        <translation>签发者(&amp;I)：</translation>
    </message>
    <message>
        <source>Managed</source>
        <translation>管理对象</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>客户端</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Active sessions</source>
        <translation>活动会话</translation>
    </message>
    <message>
        <source>Sign-ins per minute, last hour</source>
        <translation>最近 1 小时每分钟登录次数</translation>
    </message>
    <message>
        <source>Latest events</source>
        <translation>最新事件</translation>
    </message>
    <message>
        <source>Show &amp;all events</source>
        <translation>显示全部事件(&amp;A)</translation>
    </message>
    <message>
        <source>Open the Events page: the whole log, with filters</source>
        <translation>打开“事件”页面：查看完整日志并可筛选</translation>
    </message>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Stopped. Relying parties cannot sign users in.</source>
        <translation>已停止。依赖方无法让用户登录。</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>正在启动…</translation>
    </message>
    <message>
        <source>Running at %1</source>
        <translation>运行于 %1</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>Open the discovery document in the web browser</source>
        <translation>在网页浏览器中打开发现文档</translation>
    </message>
    <message>
        <source>The server is not running</source>
        <translation>服务器未运行</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Cannot read the counts: %1</source>
        <translation>无法读取数量统计：%1</translation>
    </message>
    <message>
        <source>Cannot read the sign-ins of the last hour: %1</source>
        <translation>无法读取最近 1 小时的登录记录：%1</translation>
    </message>
    <message>
        <source>Cannot read the latest events: %1</source>
        <translation>无法读取最新事件：%1</translation>
    </message>
    <message>
        <source>Managing %1 — not serving (the service serves it). Start serves it from this window too.</source>
        <translation>正在管理 %1——本窗口不提供服务（由系统服务提供）。点击“启动”可让本窗口也提供服务。</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::PasswordDialog</name>
    <message>
        <source>Set password of %1</source>
        <translation>设置 %1 的密码</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>The new password takes effect at once; %1 stays signed in where already signed in.</source>
        <translation>新密码立即生效；%1 已有的登录会话不受影响。</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Confirm:</source>
        <translation>确认密码(&amp;C)：</translation>
    </message>
    <message>
        <source>The two passwords do not match.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::PasswordStrengthBar</name>
    <message>
        <source>Password strength</source>
        <translation>密码强度</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>强</translation>
    </message>
    <message>
        <source>Use at least %1 characters.</source>
        <translation>请至少使用 %1 个字符。</translation>
    </message>
    <message>
        <source>This is one of the most used passwords: it is guessed first.</source>
        <translation>这是最常用的密码之一，会最先被猜到。</translation>
    </message>
    <message>
        <source>Leave the user&apos;s name and e-mail out of the password.</source>
        <translation>密码中不要包含用户的姓名和电子邮箱。</translation>
    </message>
    <message>
        <source>Avoid repeated characters and runs like abc or 123.</source>
        <translation>避免重复字符，以及 abc、123 之类的连续字符。</translation>
    </message>
    <message>
        <source>Mix in capitals, digits or symbols, or make it longer.</source>
        <translation>混用大写字母、数字或符号，或者加长密码。</translation>
    </message>
    <message>
        <source>Longer is stronger: a few unrelated words make a good passphrase.</source>
        <translation>越长越安全：几个互不相关的词语就能组成很好的密码短语。</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::RecentEventsModel</name>
    <message>
        <source>%1 (failed)</source>
        <translation>%1（失败）</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>客户端</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SecretDialog</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Client secret of %1</source>
        <translation>%1 的客户端密钥</translation>
    </message>
    <message>
        <source>The new secret of &lt;b&gt;%1&lt;/b&gt;:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 的新密钥：</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>客户端密钥</translation>
    </message>
    <message>
        <source>Copy the secret to the clipboard</source>
        <translation>将密钥复制到剪贴板</translation>
    </message>
    <message>
        <source>Copy it now into the application&apos;s configuration. It will not be shown again: Lanyard keeps only a hash of it. If it is lost, rotate the secret.</source>
        <translation>请立即将其复制到应用的配置中。此密钥不会再次显示：Lanyard 只保存它的哈希值。如果遗失，请轮换密钥。</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SessionDetailsPane</name>
    <message>
        <source>No application has received tokens in this session yet.</source>
        <translation>此会话中还没有应用获得令牌。</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>开始时间：</translation>
    </message>
    <message>
        <source>Signed in:</source>
        <translation>登录时间：</translation>
    </message>
    <message>
        <source>Last activity:</source>
        <translation>上次活动：</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>过期时间：</translation>
    </message>
    <message>
        <source>Source address:</source>
        <translation>来源地址：</translation>
    </message>
    <message>
        <source>Browser:</source>
        <translation>浏览器：</translation>
    </message>
    <message>
        <source>Session ID:</source>
        <translation>会话 ID：</translation>
    </message>
    <message>
        <source>Applications in this session</source>
        <translation>此会话中的应用</translation>
    </message>
    <message>
        <source>Deleted account (%1)</source>
        <translation>已删除的账户 (%1)</translation>
    </message>
    <message>
        <source>%1, unless used again</source>
        <translation>%1（期间如有活动则顺延）</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>未发送</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Revoke grant</source>
        <translation>撤销授权</translation>
    </message>
    <message>
        <source>Revoke the grant of %1</source>
        <translation>撤销 %1 的授权</translation>
    </message>
    <message>
        <source>Forget what %1 granted %2 and revoke its tokens, offline ones included. The user stays signed in to Lanyard; %2 has to ask again.</source>
        <translation>清除 %1 授予 %2 的授权，并撤销其令牌（包括离线令牌）。用户在 Lanyard 中仍保持登录；%2 需要重新请求授权。</translation>
    </message>
    <message>
        <source>No back-channel logout: it is not told when the session ends</source>
        <translation>未配置后端通道注销：会话结束时不会通知该应用</translation>
    </message>
    <message>
        <source>Logout pending</source>
        <translation>注销通知待送达</translation>
    </message>
    <message>
        <source>Back-channel logout when the session ends</source>
        <translation>会话结束时通过后端通道注销</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SessionTableModel</name>
    <message>
        <source>Today %1</source>
        <translation>今天 %1</translation>
    </message>
    <message>
        <source>Deleted account (%1)</source>
        <translation>已删除的账户 (%1)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>暂无</translation>
    </message>
    <message>
        <source>Account %1, subject %2</source>
        <translation>账户 %1，主体标识 %2</translation>
    </message>
    <message>
        <source>Started %1; signed in last at %2</source>
        <translation>开始于 %1；最近一次登录于 %2</translation>
    </message>
    <message>
        <source>Last used %1; expires %2 unless used again</source>
        <translation>上次使用于 %1；如不再使用，将于 %2 过期</translation>
    </message>
    <message>
        <source>The browser sent no User-Agent header.</source>
        <translation>浏览器未发送 User-Agent 标头。</translation>
    </message>
    <message>
        <source>No application has received tokens in this session yet.</source>
        <translation>此会话中还没有应用获得令牌。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Last activity</source>
        <translation>上次活动</translation>
    </message>
    <message>
        <source>Source address</source>
        <translation>来源地址</translation>
    </message>
    <message>
        <source>Browser</source>
        <translation>浏览器</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>应用</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SessionsPage</name>
    <message>
        <source>Nobody is signed in.
Sessions appear here when someone signs in to an application through Lanyard.</source>
        <translation>当前没有人登录。
有人通过 Lanyard 登录应用时，会话会显示在这里。</translation>
    </message>
    <message>
        <source>&amp;End session</source>
        <translation>结束会话(&amp;E)</translation>
    </message>
    <message>
        <source>End &amp;all of this account…</source>
        <translation>结束该账户的全部会话(&amp;A)…</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>会话</translation>
    </message>
    <message>
        <source>Who is signed in, since when, from where, and to which applications.</source>
        <translation>谁已登录、从何时开始、从哪里登录，以及登录了哪些应用。</translation>
    </message>
    <message>
        <source>Account, address, browser or application</source>
        <translation>账户、地址、浏览器或应用</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>筛选(&amp;F)：</translation>
    </message>
    <message>
        <source>Cannot list the sessions: %1</source>
        <translation>无法列出会话：%1</translation>
    </message>
    <message>
        <source>This session has ended.</source>
        <translation>此会话已结束。</translation>
    </message>
    <message>
        <source>An operation on sessions is in progress.</source>
        <translation>会话操作正在进行中。</translation>
    </message>
    <message>
        <source>Select a session first.</source>
        <translation>请先选择一个会话。</translation>
    </message>
    <message>
        <source>Sign %1 out of this browser and revoke the tokens issued in this session.</source>
        <translation>让 %1 在此浏览器中退出登录，并撤销此会话中签发的令牌。</translation>
    </message>
    <message numerus="yes">
        <source>End all %n session(s) of %1.</source>
        <translation>
            <numerusform>结束 %1 的全部 %n 个会话。</numerusform>
        </translation>
    </message>
    <message>
        <source>Information</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>The session was not ended: %1</source>
        <translation>未能结束会话：%1</translation>
    </message>
    <message>
        <source>Ended the session of %1. Token families revoked: %2.</source>
        <translation>已结束 %1 的会话，撤销了 %2 个令牌族。</translation>
    </message>
    <message>
        <source>End all sessions</source>
        <translation>结束全部会话</translation>
    </message>
    <message numerus="yes">
        <source>End all %n session(s) of %1?</source>
        <translation>
            <numerusform>要结束 %1 的全部 %n 个会话吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is signed out of every browser, and the tokens issued in these sessions are revoked.</source>
        <translation>%1 将在所有浏览器中退出登录，这些会话中签发的令牌也将被撤销。</translation>
    </message>
    <message numerus="yes">
        <source>End %n session(s)</source>
        <translation>
            <numerusform>结束 %n 个会话</numerusform>
        </translation>
    </message>
    <message>
        <source>The sessions were not ended: %1</source>
        <translation>未能结束会话：%1</translation>
    </message>
    <message numerus="yes">
        <source>Ended %n session(s) of %1.</source>
        <translation>
            <numerusform>已结束 %1 的 %n 个会话。</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoked the grant of %1. Token families revoked: %2. It has to ask again.</source>
        <translation>已撤销 %1 的授权，撤销了 %2 个令牌族。该应用需要重新请求授权。</translation>
    </message>
    <message>
        <source>The grant of %1 was not revoked: %2</source>
        <translation>未能撤销 %1 的授权：%2</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SettingsPage</name>
    <message>
        <source>&amp;Restart server now</source>
        <translation>立即重启服务器(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Discard &amp;changes</source>
        <translation>放弃更改(&amp;C)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>How the provider is reached and how long what it issues stays valid. Empty fields use the default shown in grey.</source>
        <translation>服务的访问方式，以及所签发内容的有效期。留空的字段使用灰色显示的默认值。</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>&amp;Issuer URL:</source>
        <translation>签发者 URL(&amp;I)：</translation>
    </message>
    <message>
        <source>Exactly as relying parties are configured with it: no slash is added or removed. Empty: http(s)://address:port of the listener.</source>
        <translation>须与依赖方中配置的值完全一致：不会添加或删除斜杠。留空时为监听的 http(s)://地址:端口。</translation>
    </message>
    <message>
        <source>Listen &amp;address:</source>
        <translation>监听地址(&amp;A)：</translation>
    </message>
    <message>
        <source>127.0.0.1 serves this computer only; 0.0.0.0 or :: every network.</source>
        <translation>127.0.0.1 仅服务本机；0.0.0.0 或 :: 服务所有网络。</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>A certificate and its private key (PEM files) make the server speak HTTPS. Leave both empty for plain HTTP on this computer or behind a reverse proxy.</source>
        <translation>提供证书及其私钥（PEM 文件）后，服务器将使用 HTTPS。仅在本机使用或部署在反向代理之后时，两者都留空即可使用普通 HTTP。</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>浏览(&amp;W)…</translation>
    </message>
    <message>
        <source>Choose the certificate file</source>
        <translation>选择证书文件</translation>
    </message>
    <message>
        <source>C&amp;ertificate:</source>
        <translation>证书(&amp;E)：</translation>
    </message>
    <message>
        <source>No certificate</source>
        <translation>无证书</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the private key file</source>
        <translation>选择私钥文件</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>私钥(&amp;K)：</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>无私钥</translation>
    </message>
    <message>
        <source>Choose the TLS certificate</source>
        <translation>选择 TLS 证书</translation>
    </message>
    <message>
        <source>Choose the TLS private key</source>
        <translation>选择 TLS 私钥</translation>
    </message>
    <message>
        <source>Lifetimes</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Authori&amp;zation code:</source>
        <translation>授权码(&amp;Z)：</translation>
    </message>
    <message>
        <source>1 to 600 seconds. Codes are single use; keep this short.</source>
        <translation>1 到 600 秒。授权码只能使用一次，有效期应尽量短。</translation>
    </message>
    <message>
        <source>Access &amp;token:</source>
        <translation>访问令牌(&amp;T)：</translation>
    </message>
    <message>
        <source>1 to 86400 seconds. Clients may set their own.</source>
        <translation>1 到 86400 秒。客户端可单独设置。</translation>
    </message>
    <message>
        <source>I&amp;D token:</source>
        <translation>ID 令牌(&amp;D)：</translation>
    </message>
    <message>
        <source>Re&amp;fresh token:</source>
        <translation>刷新令牌(&amp;F)：</translation>
    </message>
    <message>
        <source>1 second to 365 days. Clients may set their own.</source>
        <translation>1 秒到 365 天。客户端可单独设置。</translation>
    </message>
    <message>
        <source>&amp;Browser session:</source>
        <translation>浏览器会话(&amp;B)：</translation>
    </message>
    <message>
        <source>60 seconds to 365 days without activity before a browser must sign in again.</source>
        <translation>60 秒到 365 天。浏览器无活动超过此时长后须重新登录。</translation>
    </message>
    <message>
        <source>Keys and events</source>
        <translation>密钥和事件</translation>
    </message>
    <message>
        <source>JWKS cache &amp;max-age:</source>
        <translation>JWKS 缓存 &amp;max-age：</translation>
    </message>
    <message>
        <source>0 to 86400 seconds relying parties may cache the discovery document and keys.</source>
        <translation>0 到 86400 秒，即依赖方可缓存发现文档和密钥的时长。</translation>
    </message>
    <message>
        <source>Rotation dela&amp;y:</source>
        <translation>轮换延迟(&amp;Y)：</translation>
    </message>
    <message>
        <source>Automatic r&amp;otation every:</source>
        <translation>自动轮换间隔(&amp;O)：</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>0 to 3650 days; 0 turns automatic rotation off.</source>
        <translation>0 到 3650 天；0 表示关闭自动轮换。</translation>
    </message>
    <message>
        <source>Keep e&amp;vents for:</source>
        <translation>事件保留时长(&amp;V)：</translation>
    </message>
    <message>
        <source>1 to 36500 days; older events are deleted.</source>
        <translation>1 到 36500 天；更早的事件将被删除。</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Applies the next time Lanyard starts.</source>
        <translation>下次启动 Lanyard 时生效。</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM 文件 (*.pem *.crt *.cer *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <source>The settings could not be read: %1</source>
        <translation>无法读取设置：%1</translation>
    </message>
    <message>
        <source>seconds (%1)</source>
        <translation>秒（%1）</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the values marked below.</source>
        <translation>未保存任何内容：请更正下方标出的值。</translation>
    </message>
    <message>
        <source>The language changes the next time Lanyard starts.</source>
        <translation>语言将在下次启动 Lanyard 时更改。</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>未保存任何内容：%1</translation>
    </message>
    <message>
        <source>Saved. The server uses the new settings after a restart.</source>
        <translation>已保存。服务器重启后将使用新设置。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>使用者：%1</translation>
    </message>
    <message>
        <source>Issued by: %1</source>
        <translation>颁发者：%1</translation>
    </message>
    <message>
        <source>Valid from %1 until %2</source>
        <translation>有效期：%1 至 %2</translation>
    </message>
    <message>
        <source>The private key belongs to this certificate.</source>
        <translation>私钥与此证书匹配。</translation>
    </message>
    <message>
        <source>The certificate cannot be read: %1</source>
        <translation>无法读取证书：%1</translation>
    </message>
    <message>
        <source>This certificate expired on %1: browsers and relying parties will refuse it.</source>
        <translation>此证书已于 %1 过期：浏览器和依赖方将拒绝它。</translation>
    </message>
    <message>
        <source>This certificate is not valid before %1.</source>
        <translation>此证书在 %1 之前无效。</translation>
    </message>
    <message>
        <source>The server would refuse this key: %1</source>
        <translation>服务器将拒绝此私钥：%1</translation>
    </message>
    <message>
        <source>Give both the certificate and its key, or neither.</source>
        <translation>请同时提供证书和私钥，或都不提供。</translation>
    </message>
    <message>
        <source>%1 d</source>
        <comment>days</comment>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>%1 h</source>
        <comment>hours</comment>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 min</source>
        <comment>minutes</comment>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>0 to 604800 seconds a new key is published before it signs; empty: the max-age. Shorter than the max-age risks relying parties meeting a key they have not fetched.</source>
        <translation>0 到 604800 秒，即新密钥在开始签名前提前发布的时长；留空则等于 max-age。短于 max-age 可能导致依赖方遇到尚未获取的密钥。</translation>
    </message>
    <message>
        <source>Saved. The service uses the new settings after it restarts (sudo systemctl restart lanyard).</source>
        <translation>已保存。系统服务重启后将使用新设置（sudo systemctl restart lanyard）。</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::SignInChart</name>
    <message>
        <source>Sign-ins per minute in the last hour</source>
        <translation>最近 1 小时每分钟登录次数</translation>
    </message>
    <message>
        <source>Succeeded: %1</source>
        <translation>成功：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>No sign-ins in the last hour</source>
        <translation>最近 1 小时内没有登录</translation>
    </message>
    <message>
        <source>%1: %2 succeeded, %3 failed</source>
        <translation>%1：成功 %2 次，失败 %3 次</translation>
    </message>
    <message>
        <source>%1 succeeded and %2 failed sign-ins in the last hour</source>
        <translation>最近 1 小时内登录成功 %1 次、失败 %2 次</translation>
    </message>
</context>
<context>
    <name>lanyard::ui::StatusDot</name>
    <message>
        <source>Opening</source>
        <translation>正在打开</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>正在启动</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>Stopping</source>
        <translation>正在停止</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
</TS>
