{{%AUTOESCAPE context="HTML"}}<h1>[[staff.home.title]]</h1>
<p class="lead">[[staff.home.intro]]</p>
<div class="grid">
{{#KINDS}}<section class="card" aria-labelledby="kind-{{KIND}}">
<h2 id="kind-{{KIND}}"><a href="{{HREF}}">{{LABEL}}</a></h2>
<p>{{COUNT}}</p>
{{#CAN_CREATE}}<p><a class="button secondary" href="{{NEW_HREF}}">{{NEW_LABEL}}</a></p>{{/CAN_CREATE}}
</section>
{{/KINDS}}
</div>
{{#WORKLISTS}}<div class="grid">
<section class="card" aria-labelledby="review-heading">
<h2 id="review-heading"><a href="/directory/review">[[staff.review.title]]</a></h2>
<p>{{REVIEW_COUNT}}</p>
</section>
{{#REVIEWS}}<section class="card" aria-labelledby="review-{{KIND}}-heading">
<h2 id="review-{{KIND}}-heading"><a href="{{HREF}}">{{TITLE}}</a></h2>
<p>{{COUNT}}</p>
</section>
{{/REVIEWS}}<section class="card" aria-labelledby="translations-heading">
<h2 id="translations-heading"><a href="/directory/translations">[[staff.translations.title]]</a></h2>
<p>{{TRANSLATION_COUNT}}</p>
</section>
<section class="card" aria-labelledby="link-requests-heading">
<h2 id="link-requests-heading"><a href="/directory/link-requests">[[staff.link_requests.title]]</a></h2>
<p>{{LINK_REQUEST_COUNT}}</p>
</section>
</div>{{/WORKLISTS}}
