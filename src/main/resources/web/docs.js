// Swagger UI on Candor's own OpenAPI document (the WebJar's initializer points at the petstore).
window.ui = window.SwaggerUIBundle({ url: '/openapi.yaml', dom_id: '#swagger-ui' });
