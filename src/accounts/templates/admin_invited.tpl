{{%AUTOESCAPE context="HTML"}}<h1>[[users.invited_title]]</h1>
<p class="notice success" role="status">[[users.invited_text]] <strong>{{NAME}}</strong> ({{EMAIL}})</p>
<p>[[users.invited_link]]</p>
<p><code class="secret">{{INVITE_PATH}}</code></p>
<p class="muted">[[users.invited_once]]</p>
{{#MAILED}}<p class="notice success" role="status">[[users.invited_mailed]]</p>{{/MAILED}}
{{#NOT_MAILED}}<p class="notice" role="status">[[users.invited_not_mailed]]</p>{{/NOT_MAILED}}
<p><a href="/admin/users">[[users.back]]</a></p>
