{{%AUTOESCAPE context="HTML"}}<section aria-labelledby="parents-concerns-heading" id="parents-concerns"><h2 id="parents-concerns-heading">[[parents.panel.concerns]]</h2>
<p class="muted">[[parents.panel.concerns_about]]</p>
<ul>{{#CONCERNS}}<li><a href="/parents/concerns/{{C_ID}}">{{C_TEXT}}</a> <span class="muted">{{C_THEME}} · {{C_RAISED_ON}}</span> <span class="badge status-{{C_STATUS_CODE}}">{{C_STATUS}}</span></li>
{{/CONCERNS}}</ul>
</section>
