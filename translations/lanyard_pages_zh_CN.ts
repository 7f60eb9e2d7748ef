<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConsentPage</name>
    <message>
        <source>Know who you are (your account identifier)</source>
        <translation>识别您的身份（您的账户标识）</translation>
    </message>
    <message>
        <source>See your name and username</source>
        <translation>查看您的姓名和用户名</translation>
    </message>
    <message>
        <source>See your email address</source>
        <translation>查看您的电子邮箱地址</translation>
    </message>
    <message>
        <source>See your postal address</source>
        <translation>查看您的邮寄地址</translation>
    </message>
    <message>
        <source>See your phone number</source>
        <translation>查看您的电话号码</translation>
    </message>
    <message>
        <source>See the groups you belong to</source>
        <translation>查看您所属的用户组</translation>
    </message>
    <message>
        <source>Keep this access while you are signed out</source>
        <translation>在您退出登录后仍保留此访问权限</translation>
    </message>
    <message>
        <source>Use the permission “%1”</source>
        <extracomment>%1 is the name of a permission (an OAuth scope) this server has no description for.</extracomment>
        <translation>使用“%1”权限</translation>
    </message>
    <message>
        <source>Allow %1 access?</source>
        <extracomment>The browser tab&apos;s title; %1 is the application&apos;s name.</extracomment>
        <translation>是否允许 %1 访问？</translation>
    </message>
    <message>
        <source>Allow access?</source>
        <translation>是否允许访问？</translation>
    </message>
    <message>
        <source>%1 would like to:</source>
        <extracomment>Followed by a list of permissions; %1 is the application&apos;s name, shown in bold.</extracomment>
        <translation>%1 请求获得以下权限：</translation>
    </message>
    <message>
        <source>Requested access</source>
        <extracomment>Accessible name of the list of permissions.</extracomment>
        <translation>请求的权限</translation>
    </message>
    <message>
        <source>You are signed in as %1.</source>
        <extracomment>%1 is the username, shown in bold.</extracomment>
        <translation>您已以 %1 的身份登录。</translation>
    </message>
    <message>
        <source>Allow</source>
        <translation>允许</translation>
    </message>
    <message>
        <source>Deny</source>
        <translation>拒绝</translation>
    </message>
</context>
<context>
    <name>ErrorPage</name>
    <message>
        <source>This sign-in request cannot be completed</source>
        <translation>无法完成此登录请求</translation>
    </message>
    <message>
        <source>The application sent a request this server cannot accept. Please tell the application&apos;s administrator.</source>
        <translation>本服务器无法接受该应用发送的请求。请告知该应用的管理员。</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <extracomment>%1 is an OAuth error code such as invalid_request, shown as code.</extracomment>
        <translation>错误代码：%1</translation>
    </message>
    <message>
        <source>This sign-in page has expired</source>
        <translation>此登录页面已过期</translation>
    </message>
    <message>
        <source>Go back to the application and sign in again.</source>
        <translation>请返回应用重新登录。</translation>
    </message>
    <message>
        <source>This form cannot be accepted</source>
        <translation>无法接受此表单</translation>
    </message>
    <message>
        <source>It was not sent from the sign-in page that belongs to it, or the page was opened in another browser. Go back to the application and sign in again.</source>
        <translation>此表单不是从对应的登录页面提交的，或者该页面是在另一个浏览器中打开的。请返回应用重新登录。</translation>
    </message>
    <message>
        <source>This sign-in is already complete</source>
        <translation>此次登录已经完成</translation>
    </message>
    <message>
        <source>The form was sent twice. Go back to the application.</source>
        <translation>表单已重复提交。请返回应用。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>The server could not complete the request. Please try again later.</source>
        <translation>服务器无法完成该请求，请稍后重试。</translation>
    </message>
</context>
<context>
    <name>FormPostPage</name>
    <message>
        <source>Returning to the application</source>
        <translation>正在返回应用</translation>
    </message>
    <message>
        <source>JavaScript is turned off. Press Continue to return to the application.</source>
        <translation>JavaScript 已关闭。请点击“继续”返回应用。</translation>
    </message>
    <message>
        <source>Continue</source>
        <extracomment>The button; the same word as &quot;Continue&quot; in the sentence above it.</extracomment>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>LoginPage</name>
    <message>
        <source>The username or password is incorrect, or signing in is not possible right now.</source>
        <translation>用户名或密码不正确，或当前无法登录。</translation>
    </message>
    <message>
        <source>Sign in to %1</source>
        <extracomment>The browser tab&apos;s title; %1 is the application&apos;s name.</extracomment>
        <translation>登录 %1</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>to continue to %1</source>
        <extracomment>Under the &quot;Sign in&quot; heading; %1 is the application&apos;s name, shown in bold.</extracomment>
        <translation>继续前往 %1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <comment>button</comment>
        <extracomment>The button that sends the username and password.</extracomment>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>LogoutPage</name>
    <message>
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <source>Sign out?</source>
        <translation>要退出登录吗？</translation>
    </message>
    <message>
        <source>You are signed in as %1.</source>
        <extracomment>%1 is the username of the signed-in account.</extracomment>
        <translation>您已以 %1 的身份登录。</translation>
    </message>
    <message>
        <source>%1 asks to sign you out.</source>
        <extracomment>%1 is the name of the application that sent the user here.</extracomment>
        <translation>%1 请求将您退出登录。</translation>
    </message>
    <message>
        <source>Signing out ends your session on this server and in the applications you signed in to with it.</source>
        <translation>退出登录将结束您在本服务器上的会话，以及您通过它登录的各个应用中的会话。</translation>
    </message>
    <message>
        <source>Stay signed in</source>
        <translation>保持登录</translation>
    </message>
    <message>
        <source>You are signed out</source>
        <translation>您已退出登录</translation>
    </message>
    <message>
        <source>You can close this window.</source>
        <translation>您现在可以关闭此窗口。</translation>
    </message>
    <message>
        <source>You are still signed in</source>
        <translation>您仍处于登录状态</translation>
    </message>
    <message>
        <source>Nothing was changed. You can close this window.</source>
        <translation>未做任何更改。您现在可以关闭此窗口。</translation>
    </message>
    <message>
        <source>This sign-out request cannot be completed</source>
        <translation>无法完成此退出登录请求</translation>
    </message>
    <message>
        <source>The application sent a sign-out request this server cannot accept. Please tell the application&apos;s administrator.</source>
        <translation>本服务器无法接受该应用发送的退出登录请求。请告知该应用的管理员。</translation>
    </message>
    <message>
        <source>Error code: %1</source>
        <extracomment>%1 is an OAuth error code such as invalid_request, shown as code.</extracomment>
        <translation>错误代码：%1</translation>
    </message>
    <message>
        <source>This form cannot be accepted</source>
        <translation>无法接受此表单</translation>
    </message>
    <message>
        <source>It was not sent from the sign-out page that belongs to it. Sign out again from the application.</source>
        <translation>此表单不是从对应的退出登录页面提交的。请从应用中重新退出登录。</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>The server could not complete the request. Please try again later.</source>
        <translation>服务器无法完成该请求，请稍后重试。</translation>
    </message>
</context>
</TS>
