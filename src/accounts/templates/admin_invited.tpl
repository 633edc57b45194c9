{{%AUTOESCAPE context="HTML"}}<h1>[[users.invited_title]]</h1>
<p class="notice success" role="status">[[users.invited_text]] <strong>{{NAME}}</strong> ({{EMAIL}})</p>
<p>[[users.invited_link]]</p>
<p><code class="secret">{{INVITE_PATH}}</code></p>
<p class="muted">[[users.invited_once]]</p>
<p><a href="/admin/users">[[users.back]]</a></p>
