{{%AUTOESCAPE context="HTML"}}<p><a href="/transitions">[[transitions.title]]</a></p>
<h1>[[transitions.pathways.title]]</h1>
<p>[[transitions.pathways.intro]]</p>
<form method="get" action="/transitions/pathways" class="filters card">
<label for="pw-year">[[transitions.pathways.school_year]]</label>
<select id="pw-year" name="year"><option value="">[[transitions.pathways.all_years]]</option>{{#YEAR_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/YEAR_OPTIONS}}</select>
<label for="pw-team">[[transitions.pathways.team]]</label>
<select id="pw-team" name="team"><option value="">[[transitions.pathways.all_teams]]</option>{{#TEAM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TEAM_OPTIONS}}</select>
<label for="pw-municipality">[[transitions.pathways.municipality]]</label>
<select id="pw-municipality" name="municipality"><option value="">[[transitions.pathways.all_municipalities]]</option>{{#MUNICIPALITY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/MUNICIPALITY_OPTIONS}}</select>
<button type="submit">[[transitions.pathways.filter]]</button>
</form>
<p class="hint">[[transitions.pathways.privacy]]</p>
{{#NONE}}<p>[[transitions.pathways.none]]</p>{{/NONE}}
{{#HAS_PATHWAYS}}<figure class="chart pathways-figure">
<figcaption>[[transitions.pathways.picture]]</figcaption>
{{PICTURE:none}}
</figure>
<table id="pathways-table">
<caption>[[transitions.pathways.table]]</caption>
<thead><tr><th scope="col">[[transitions.pathways.school_year]]</th><th scope="col">[[transitions.pathways.from]]</th><th scope="col">[[transitions.pathways.to]]</th><th scope="col">[[transitions.pathways.entered]]</th><th scope="col">[[transitions.pathways.derived]]</th><th scope="col"><span class="visually-hidden">[[transitions.pathways.actions]]</span></th></tr></thead>
<tbody>{{#PATHWAYS}}<tr><td>{{YEAR}}</td><td>{{FROM}} <span class="hint">({{FROM_KIND}})</span></td><td>{{TO}} <span class="hint">({{TO_KIND}})</span></td><td>{{ENTERED}}</td><td>{{DERIVED}}</td><td>{{#CAN_EDIT}}<a href="/transitions/pathways?edit={{EDIT_ID}}#pw-enter">[[transitions.pathways.edit]]<span class="visually-hidden"> {{FROM}} → {{TO}} {{YEAR}}</span></a>{{/CAN_EDIT}}</td></tr>{{/PATHWAYS}}</tbody>
</table>{{/HAS_PATHWAYS}}
<section class="card" aria-labelledby="pw-flagged">
<h2 id="pw-flagged">[[transitions.pathways.flagged]]</h2>
{{#NONE_FLAGGED}}<p>[[transitions.pathways.none_flagged]]</p>{{/NONE_FLAGGED}}
<ul>{{#FLAGGED}}<li>⚠ {{NAME}} <span class="hint">({{KIND}})</span></li>{{/FLAGGED}}</ul>
</section>
{{#CAN_ENTER}}<section class="card" aria-labelledby="pw-enter">
<h2 id="pw-enter">[[transitions.pathways.enter]]</h2>
{{#HAS_ERRORS}}<div class="notice error" role="alert" id="form-errors">
<p>[[form.has_errors]]</p>
<ul>{{#ERROR_LIST}}<li><a href="#{{TARGET}}">{{MESSAGE}}</a></li>{{/ERROR_LIST}}</ul>
</div>{{/HAS_ERRORS}}
{{#STALE}}<div class="notice error" role="alert" id="form-stale"><p>{{STALE_MESSAGE}}</p></div>{{/STALE}}
<p class="hint">[[transitions.pathways.enter_hint]]</p>
<form method="post" action="/transitions/pathways" class="stack">
<input type="hidden" name="_csrf" value="{{CSRF}}">
<input type="hidden" name="version" value="{{VERSION}}">
<label for="pw-sending_setting_id">[[transitions.pathways.from]]</label>
<select id="pw-sending_setting_id" name="sending_setting_id" required><option value=""></option>{{#FROM_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FROM_OPTIONS}}</select>
<label for="pw-receiving_setting_id">[[transitions.pathways.to]]</label>
<select id="pw-receiving_setting_id" name="receiving_setting_id" required><option value=""></option>{{#TO_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TO_OPTIONS}}</select>
<label for="pw-school_year">[[transitions.pathways.school_year]]</label>
<input id="pw-school_year" name="school_year" value="{{SCHOOL_YEAR}}" maxlength="9" required aria-describedby="pw-school_year-hint">
<p class="hint" id="pw-school_year-hint">[[transitions.pathways.school_year_hint]]</p>
<label for="pw-children">[[transitions.pathways.children]]</label>
<input id="pw-children" name="children" inputmode="numeric" value="{{CHILDREN}}" maxlength="6" required>
<p><button type="submit">[[transitions.save]]</button></p>
</form>
</section>{{/CAN_ENTER}}
