{{%AUTOESCAPE context="HTML"}}<p><a href="/directory">[[staff.home.title]]</a></p>
<h1>[[staff.link_requests.title]]</h1>
<p>[[staff.link_requests.intro]]</p>
{{#NONE}}<p role="status">[[staff.link_requests.none]]</p>{{/NONE}}
{{#HAS_REQUESTS}}<div class="table-wrap" tabindex="0" role="region" aria-label="[[staff.link_requests.title]]">
<table class="data">
<caption>[[staff.link_requests.title]]</caption>
<thead><tr><th scope="col">[[staff.link_requests.service]]</th><th scope="col">[[staff.link_requests.location]]</th><th scope="col">[[staff.link_requests.requested_by]]</th><th scope="col">[[staff.link_requests.requested_at]]</th><th scope="col">[[staff.link_requests.decision]]</th></tr></thead>
<tbody>
{{#REQUESTS}}<tr><td><a href="{{SERVICE_HREF}}">{{SERVICE}}</a></td><td><a href="{{LOCATION_HREF}}">{{LOCATION}}</a></td><td>{{BY}}</td><td>{{WHEN}}</td>
<td><form method="post" action="{{ACCEPT_HREF}}" class="inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<button type="submit" class="button">[[staff.link_requests.accept]]</button>
</form>
<form method="post" action="{{REFUSE_HREF}}" class="inline">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<button type="submit" class="button secondary">[[staff.link_requests.refuse]]</button>
</form></td></tr>
{{/REQUESTS}}
</tbody>
</table>
</div>{{/HAS_REQUESTS}}
